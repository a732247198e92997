// What the simulated kubelet does differently from the real one, in words the UI can show.
export const KUBELET_SIMPLIFICATIONS: readonly string[] = [
  'Timers fire exactly: a crash-looping container restarts at finish + back-off (10 s, 20 s, ... 5 min); the real pod worker adds a few seconds of jitter.',
  'The kubelet notices container exits 1 s later (PLEG relist) and retries failed syncs (config errors, sandbox errors) every 10 s.',
  'Images pull at a simulated 40 MB/s after 300 ms, one at a time per node (serializeImagePulls); digests are derived from the image name, not the real registry.',
  'A tag that says it does not exist (e.g. :doesnotexist) fails to pull with "not found"; every other reference pulls.',
  'Containers of unknown images run until stopped and listen on their declared containerPorts.',
  'HTTP probes against a non-HTTP port fail with "EOF"; the exact text depends on the server.',
  'Static pods run from their mirror pod; deleting the mirror pod stops them here, while the real kubelet recreates it.',
  'Sidecars stop together with the other containers on deletion (the real kubelet stops them after the main containers).',
  'HTTP probe requests appear in nginx/httpd logs from the first address of the node podCIDR (the bridge, as with flannel/bridge CNI); only the last 100 are kept.',
  'Pods are admitted against allocatable cpu, memory, ephemeral-storage and pod count; extended resources and device plugins are not modelled.',
  'config.hash of static pods is a SHA-256 of the manifest, not the MD5 of the Go object.',
];
