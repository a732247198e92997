// Where the kubectl console differs from a real kubectl, for the UI to show.
export const KUBECTL_SIMPLIFICATIONS: readonly string[] = [
  'Reads show the cluster at the timeline cursor; writes act on the live simulation.',
  'JSONPath supports fields, [n], [*], [\'key\'], range/end and string literals; no filters ([?()]), unions or recursive descent.',
  'logs come from the simulated image programs (engine/images), not from a kubelet log store; --since and --limit-bytes are ignored.',
  'exec answers nslookup, cat /etc/resolv.conf, cat /etc/hosts, hostname and echo; curl, wget and other programs are not simulated.',
  'drain cordons the node and deletes its pods; the Eviction API and PodDisruptionBudgets are not consulted.',
  'describe falls back to a generic field listing for kinds without a dedicated layout; list items are printed one field per line.',
  'Interactive commands (run -it, attach, port-forward, edit) are not available.',
];
