// The simulated container images: what each one listens on, how it answers HTTP, what it
// prints when it starts, how big it is and how it reacts to SIGTERM. Values are taken from the
// images themselves (Dockerfiles / entrypoints of the official images, the agnhost sources in
// kubernetes/kubernetes test/images/agnhost) and rounded; sizes are the compressed sizes the
// kubelet reports in "Image size: N bytes". Anything not in the catalogue gets FALLBACK_IMAGE.
import { parseImageReference } from './reference';

export type AppProtocol = 'http' | 'https' | 'tcp' | 'grpc' | 'dns';

export interface HttpAnswer {
  status: number;
  body: string;
  /** Bytes the server reports sending (access logs), when it differs from body.length. */
  bytes?: number;
}

export interface ListenSpec {
  port: number;
  protocol: 'TCP' | 'UDP';
  app: AppProtocol;
  /** Exact path -> answer; paths not listed get `notFound` (default 404). */
  routes?: Record<string, HttpAnswer>;
  notFound?: HttpAnswer;
  /** Answer every path with this (e.g. agnhost netexec `/` prints the time). */
  catchAll?: HttpAnswer;
}

export type ImageKind = 'server' | 'shell' | 'pause' | 'agnhost' | 'stress';

export interface ImageProfile {
  /** Catalogue key: the repository path without registry (`library/nginx`, `pause`, ...). */
  key: string;
  description: string;
  kind: ImageKind;
  sizeBytes: number;
  /** ENTRYPOINT and CMD of the image config. */
  entrypoint: string[];
  cmd: string[];
  /** The program names the image's ENTRYPOINT/CMD run as a server (`nginx`, `redis-server`). */
  serverPrograms?: string[];
  listens?: ListenSpec[];
  /** ms from start until the server accepts connections. */
  listenAfterMs?: number;
  /** Steady resident memory in bytes, compared with the container's memory limit. */
  memoryBytes: number;
  /** ms the process takes to exit after SIGTERM; Infinity when PID 1 ignores SIGTERM. */
  stopMs: number;
  /** Exit code after a graceful SIGTERM stop. */
  sigtermExitCode: number;
  /** Lines printed at start; `{{nginxTime}}` is replaced with the start time. */
  startupLogs?: string[];
  /** Programs the image has, for exec probes and scripts (`redis-cli`, `nginx`). */
  programs?: string[];
  /** The server writes an access log line per request to stdout in this format. */
  accessLog?: 'nginx' | 'httpd';
}

const NGINX_INDEX = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n';
const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';
const nginx404: HttpAnswer = { status: 404, body: '<html>\r\n<head><title>404 Not Found</title></head>\r\n</html>\r\n', bytes: 153 };

const BUSYBOX_PROGRAMS = ['sh', 'wget', 'nc', 'nslookup', 'ping', 'ls', 'ps', 'top', 'grep', 'awk', 'sed', 'head', 'tail', 'wc', 'id'];

const shellImage = (key: string, description: string, sizeBytes: number, extra: string[] = []): ImageProfile => ({
  key,
  description,
  kind: 'shell',
  sizeBytes,
  entrypoint: [],
  cmd: key === 'library/ubuntu' || key === 'library/debian' ? ['/bin/bash'] : ['sh'],
  memoryBytes: 1 << 20,
  // A shell or `sleep` as PID 1 has no SIGTERM handler, so only SIGKILL stops it.
  stopMs: Infinity,
  sigtermExitCode: 143,
  programs: [...BUSYBOX_PROGRAMS, ...extra],
});

const controlPlane = (key: string, description: string, sizeBytes: number, port: number, app: AppProtocol, routes: Record<string, HttpAnswer>, program: string): ImageProfile => ({
  key,
  description,
  kind: 'server',
  sizeBytes,
  entrypoint: [],
  cmd: [program],
  serverPrograms: [program],
  listens: [{ port, protocol: 'TCP', app, routes }],
  listenAfterMs: 1500,
  memoryBytes: 200 << 20,
  stopMs: 1000,
  sigtermExitCode: 0,
  programs: [program],
});

const ok: HttpAnswer = { status: 200, body: 'ok' };

export const IMAGES: readonly ImageProfile[] = [
  {
    key: 'library/nginx',
    description: 'nginx web server on port 80',
    kind: 'server',
    sizeBytes: 72_225_606,
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    serverPrograms: ['nginx'],
    listens: [{ port: 80, protocol: 'TCP', app: 'http', routes: { '/': { status: 200, body: NGINX_INDEX, bytes: 615 }, '/index.html': { status: 200, body: NGINX_INDEX, bytes: 615 } }, notFound: nginx404 }],
    listenAfterMs: 300,
    memoryBytes: 8 << 20,
    // nginx treats SIGTERM as "fast shutdown" and exits 0 at once.
    stopMs: 100,
    sigtermExitCode: 0,
    // docker-library/nginx docker-entrypoint.sh and nginx's start-up notices.
    startupLogs: [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '{{nginxTime}} [notice] 1#1: using the "epoll" event method',
      '{{nginxTime}} [notice] 1#1: nginx/1.27.5',
      '{{nginxTime}} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)',
      '{{nginxTime}} [notice] 1#1: OS: Linux 6.8.0-85-generic',
      '{{nginxTime}} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '{{nginxTime}} [notice] 1#1: start worker processes',
      '{{nginxTime}} [notice] 1#1: start worker process 29',
      '{{nginxTime}} [notice] 1#1: start worker process 30',
    ],
    programs: ['nginx', 'sh', 'curl'],
    accessLog: 'nginx',
  },
  {
    key: 'library/httpd',
    description: 'Apache httpd on port 80',
    kind: 'server',
    sizeBytes: 58_650_000,
    entrypoint: [],
    cmd: ['httpd-foreground'],
    serverPrograms: ['httpd-foreground', 'httpd'],
    listens: [{ port: 80, protocol: 'TCP', app: 'http', routes: { '/': { status: 200, body: HTTPD_INDEX }, '/index.html': { status: 200, body: HTTPD_INDEX } } }],
    listenAfterMs: 300,
    memoryBytes: 10 << 20,
    // httpd stops within moments of its stop signal.
    stopMs: 200,
    sigtermExitCode: 0,
    startupLogs: [
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 127.0.0.1. Set the 'ServerName' directive globally to suppress this message",
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 127.0.0.1. Set the 'ServerName' directive globally to suppress this message",
      '[{{httpdTime}}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations',
      "[{{httpdTime}}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
    ],
    programs: ['httpd', 'sh'],
    accessLog: 'httpd',
  },
  {
    key: 'library/redis',
    description: 'Redis on port 6379',
    kind: 'server',
    sizeBytes: 52_420_000,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    serverPrograms: ['redis-server'],
    listens: [{ port: 6379, protocol: 'TCP', app: 'tcp' }],
    listenAfterMs: 200,
    memoryBytes: 4 << 20,
    stopMs: 300,
    sigtermExitCode: 0,
    startupLogs: [
      '1:C {{redisTime}} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.',
      '1:C {{redisTime}} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C {{redisTime}} * Redis version=8.2.1, bits=64, commit=00000000, modified=1, pid=1, just started',
      '1:C {{redisTime}} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M {{redisTime}} * monotonic clock: POSIX clock_gettime',
      '1:M {{redisTime}} * Running mode=standalone, port=6379.',
      '1:M {{redisTime}} * Server initialized',
      '1:M {{redisTime}} * Ready to accept connections tcp',
    ],
    programs: ['redis-cli', 'redis-server', 'sh'],
  },
  shellImage('library/busybox', 'BusyBox: a shell and the usual tools', 2_228_000),
  shellImage('library/alpine', 'Alpine Linux base image (busybox shell)', 3_800_000),
  shellImage('library/ubuntu', 'Ubuntu base image', 29_750_000, ['bash', 'apt-get']),
  shellImage('library/debian', 'Debian base image', 48_500_000, ['bash', 'apt-get']),
  shellImage('curlimages/curl', 'curl on Alpine', 11_400_000, ['curl']),
  {
    key: 'pause',
    description: 'the sandbox ("pause") container that holds a pod\'s namespaces',
    kind: 'pause',
    sizeBytes: 320_368,
    entrypoint: ['/pause'],
    cmd: [],
    memoryBytes: 256 << 10,
    stopMs: 10,
    sigtermExitCode: 0,
  },
  {
    key: 'e2e-test-images/agnhost',
    description: 'agnhost, the Kubernetes e2e multi-tool (netexec, serve-hostname, liveness, pause)',
    kind: 'agnhost',
    sizeBytes: 51_164_000,
    entrypoint: ['/agnhost'],
    cmd: ['pause'],
    memoryBytes: 10 << 20,
    stopMs: 100,
    sigtermExitCode: 0,
    programs: ['agnhost', 'sh'],
  },
  {
    key: 'polinux/stress',
    description: 'stress: allocates the memory asked with --vm-bytes',
    kind: 'stress',
    sizeBytes: 4_041_000,
    entrypoint: [],
    cmd: ['stress', '--help'],
    memoryBytes: 1 << 20,
    stopMs: 50,
    sigtermExitCode: 143,
  },
  controlPlane('etcd', 'etcd, the cluster store', 23_650_000, 2381, 'http', { '/health': { status: 200, body: '{"health":"true","reason":""}' }, '/readyz': ok, '/livez': ok }, 'etcd'),
  controlPlane('kube-apiserver', 'kube-apiserver', 30_070_000, 6443, 'https', { '/livez': ok, '/readyz': ok, '/healthz': ok }, 'kube-apiserver'),
  controlPlane('kube-controller-manager', 'kube-controller-manager', 24_010_000, 10257, 'https', { '/healthz': ok }, 'kube-controller-manager'),
  controlPlane('kube-scheduler', 'kube-scheduler', 18_780_000, 10259, 'https', { '/livez': ok, '/readyz': ok, '/healthz': ok }, 'kube-scheduler'),
  controlPlane('kube-proxy', 'kube-proxy', 31_930_000, 10256, 'http', { '/healthz': ok, '/livez': ok }, 'kube-proxy'),
  {
    ...controlPlane('coredns/coredns', 'CoreDNS, cluster DNS on port 53', 22_380_000, 8080, 'http', { '/health': { status: 200, body: 'OK' } }, 'coredns'),
    cmd: [],
    entrypoint: ['/coredns'],
    // A small cluster's CoreDNS uses ~20-30 MiB, well inside kubeadm's 170Mi limit.
    memoryBytes: 30 << 20,
    listens: [
      { port: 53, protocol: 'UDP', app: 'dns' },
      { port: 53, protocol: 'TCP', app: 'dns' },
      { port: 8080, protocol: 'TCP', app: 'http', routes: { '/health': { status: 200, body: 'OK' } } },
      { port: 8181, protocol: 'TCP', app: 'http', routes: { '/ready': { status: 200, body: 'OK' } } },
      { port: 9153, protocol: 'TCP', app: 'http', routes: { '/metrics': { status: 200, body: '' } } },
    ],
    startupLogs: ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 0000', 'CoreDNS-1.12.1', 'linux/amd64, go1.24.1, 707c7c1'],
  },
  {
    key: 'flannel-io/flannel',
    description: 'flanneld, the overlay network agent',
    kind: 'server',
    sizeBytes: 32_700_000,
    entrypoint: ['/opt/bin/flanneld'],
    cmd: [],
    serverPrograms: ['flanneld', '/opt/bin/flanneld'],
    listens: [],
    memoryBytes: 20 << 20,
    stopMs: 200,
    sigtermExitCode: 0,
    programs: ['cp', 'sh'],
  },
  {
    key: 'flannel-io/flannel-cni-plugin',
    description: 'installs the flannel CNI binary, then exits',
    kind: 'shell',
    sizeBytes: 4_850_000,
    entrypoint: [],
    cmd: ['sh'],
    memoryBytes: 1 << 20,
    stopMs: Infinity,
    sigtermExitCode: 143,
    programs: ['cp'],
  },
];

/** An image the catalogue does not know: it runs forever and listens on its declared ports. */
export const FALLBACK_IMAGE: ImageProfile = {
  key: '',
  description: 'an image the simulation does not know: it runs until stopped and listens on the containerPorts the pod declares',
  kind: 'server',
  sizeBytes: 50_000_000,
  entrypoint: [],
  cmd: [],
  listens: [],
  listenAfterMs: 500,
  memoryBytes: 16 << 20,
  stopMs: 500,
  sigtermExitCode: 0,
};

const BY_KEY = new Map(IMAGES.map((p) => [p.key, p]));

/**
 * Looks an image up by reference, ignoring registry and tag: `nginx`, `docker.io/nginx:1.27`,
 * `mirror.gcr.io/library/nginx` all find nginx; `registry.k8s.io/pause:3.10` finds pause.
 */
export function lookupImage(image: string): ImageProfile | undefined {
  const r = parseImageReference(image);
  if (!r.ok) return undefined;
  const path = r.ref.path;
  const direct = BY_KEY.get(path);
  if (direct) return direct;
  // registry.k8s.io/<name>, registry.k8s.io/coredns/coredns, ghcr.io/flannel-io/flannel...
  const last = path.split('/').pop() ?? path;
  return BY_KEY.get(last) ?? BY_KEY.get(`library/${last}`) ?? (path.endsWith('/agnhost') ? BY_KEY.get('e2e-test-images/agnhost') : undefined);
}

/** The profile for an image, falling back to FALLBACK_IMAGE. */
export function imageProfile(image: string): ImageProfile {
  return lookupImage(image) ?? FALLBACK_IMAGE;
}
