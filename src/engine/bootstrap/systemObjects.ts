// What a fresh kubeadm cluster (v1.34) holds before the user applies anything: the control
// plane's static pods, kube-proxy, the CNI's DaemonSet, CoreDNS and the two built-in Services.
// Shapes follow kubeadm's addon manifests (cmd/kubeadm/app/phases/addons/{dns,proxy}/manifests.go,
// cmd/kubeadm/app/phases/controlplane/manifests.go) and flannel's kube-flannel.yml, trimmed to
// what the simulation acts on or shows.
import type { KubeObject } from '../api/types';
import type { ClusterConfig } from '../api/clusterConfig';

export const KUBERNETES_VERSION = 'v1.34.2';
export const IMAGES = {
  etcd: 'registry.k8s.io/etcd:3.6.4-0',
  apiserver: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  controllerManager: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  scheduler: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  proxy: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
  coredns: 'registry.k8s.io/coredns/coredns:v1.12.1',
  flannel: 'ghcr.io/flannel-io/flannel:v0.27.4',
  flannelCni: 'ghcr.io/flannel-io/flannel-cni-plugin:v1.8.0-flannel1',
  calicoNode: 'docker.io/calico/node:v3.30.3',
  pause: 'registry.k8s.io/pause:3.10.1',
} as const;

const criticalTolerations = [{ operator: 'Exists' }];

/** Namespaces every cluster starts with (the API server creates them). */
export function systemNamespaces(): KubeObject[] {
  return ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
  }));
}

/** The two PriorityClasses the API server creates in every cluster (pkg/apis/scheduling/types.go). */
export function systemPriorityClasses(): KubeObject[] {
  return [
    { name: 'system-node-critical', value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.' },
    { name: 'system-cluster-critical', value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
  ].map(({ name, value, description }) => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name },
    value,
    description,
    preemptionPolicy: 'PreemptLowerPriority',
  }));
}

/** Static pod manifests kubeadm writes to /etc/kubernetes/manifests on a control-plane node. */
export function staticPodManifests(config: ClusterConfig, nodeIP: string): KubeObject[] {
  const pod = (component: string, image: string, command: string[], port: number, requests: Record<string, string>, probePath: string, probeScheme = 'HTTPS'): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: component, namespace: 'kube-system', labels: { component, tier: 'control-plane' } },
    spec: {
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: component,
          image,
          imagePullPolicy: 'IfNotPresent',
          command,
          resources: { requests },
          livenessProbe: { httpGet: { host: component === 'etcd' ? '127.0.0.1' : nodeIP, path: probePath, port, scheme: probeScheme }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15, failureThreshold: 8 },
          startupProbe: { httpGet: { host: component === 'etcd' ? '127.0.0.1' : nodeIP, path: probePath, port, scheme: probeScheme }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15, failureThreshold: 24 },
        },
      ],
    },
  });
  return [
    pod('etcd', IMAGES.etcd, ['etcd', `--advertise-client-urls=https://${nodeIP}:2379`, '--data-dir=/var/lib/etcd', `--listen-client-urls=https://127.0.0.1:2379,https://${nodeIP}:2379`], 2381, { cpu: '100m', memory: '100Mi' }, '/livez', 'HTTP'),
    pod('kube-apiserver', IMAGES.apiserver, ['kube-apiserver', `--advertise-address=${nodeIP}`, `--service-cluster-ip-range=${config.serviceCIDR}`, `--service-node-port-range=${config.nodePortRange}`, '--secure-port=6443'], 6443, { cpu: '250m' }, '/livez'),
    pod('kube-controller-manager', IMAGES.controllerManager, ['kube-controller-manager', '--allocate-node-cidrs=true', `--cluster-cidr=${config.podCIDR}`, `--node-cidr-mask-size=${config.nodeCIDRMaskSize}`, `--service-cluster-ip-range=${config.serviceCIDR}`], 10257, { cpu: '200m' }, '/healthz'),
    pod('kube-scheduler', IMAGES.scheduler, ['kube-scheduler', '--leader-elect=true'], 10259, { cpu: '100m' }, '/livez'),
  ];
}

/** kubeadm's kube-proxy addon: its ServiceAccount, ConfigMap and DaemonSet. */
export function kubeProxyObjects(config: ClusterConfig): KubeObject[] {
  const labels = { 'k8s-app': 'kube-proxy' };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: 'kube-system' } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } },
      data: {
        'config.conf': [
          'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
          'kind: KubeProxyConfiguration',
          `clusterCIDR: ${config.podCIDR}`,
          `mode: ${config.kubeProxyMode}`,
          '',
        ].join('\n'),
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-proxy', namespace: 'kube-system', labels },
      spec: {
        selector: { matchLabels: labels },
        updateStrategy: { type: 'RollingUpdate' },
        template: {
          metadata: { labels },
          spec: {
            priorityClassName: 'system-node-critical',
            hostNetwork: true,
            serviceAccountName: 'kube-proxy',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            tolerations: criticalTolerations,
            containers: [
              {
                name: 'kube-proxy',
                image: IMAGES.proxy,
                command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
                env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
                securityContext: { privileged: true },
                volumeMounts: [{ name: 'kube-proxy', mountPath: '/var/lib/kube-proxy' }],
              },
            ],
            volumes: [{ name: 'kube-proxy', configMap: { name: 'kube-proxy' } }],
          },
        },
      },
    },
  ];
}

/** kubeadm's CoreDNS addon: Deployment (2 replicas), ConfigMap, ServiceAccount and the kube-dns Service. */
export function coreDnsObjects(config: ClusterConfig, dnsIP: string): KubeObject[] {
  const labels = { 'k8s-app': 'kube-dns' };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'coredns', namespace: 'kube-system' },
      data: {
        Corefile: `.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes ${config.clusterDomain} in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n`,
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
        template: {
          metadata: { labels },
          spec: {
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' } },
                ],
              },
            },
            tolerations: [
              { key: 'CriticalAddonsOnly', operator: 'Exists' },
              { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
            ],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            containers: [
              {
                name: 'coredns',
                image: IMAGES.coredns,
                imagePullPolicy: 'IfNotPresent',
                resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
                args: ['-conf', '/etc/coredns/Corefile'],
                volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                ],
                livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
                readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
              },
            ],
            dnsPolicy: 'Default',
            volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      },
      spec: {
        clusterIP: dnsIP,
        selector: labels,
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    },
  ];
}

/** flannel's kube-flannel.yml: namespace, ConfigMap with net-conf.json, DaemonSet. */
export function flannelObjects(config: ClusterConfig): KubeObject[] {
  const labels = { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' };
  const netConf = JSON.stringify({ Network: config.podCIDR, EnableNFTables: false, Backend: { Type: 'vxlan' } }, null, 2);
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-flannel', labels: { 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'flannel', namespace: 'kube-flannel', labels: { 'k8s-app': 'flannel' } } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-flannel-cfg', namespace: 'kube-flannel', labels },
      data: {
        'cni-conf.json': JSON.stringify({ name: 'cbr0', cniVersion: '0.3.1', plugins: [{ type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } }, { type: 'portmap', capabilities: { portMappings: true } }] }, null, 2),
        'net-conf.json': netConf,
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-flannel-ds', namespace: 'kube-flannel', labels },
      spec: {
        selector: { matchLabels: { app: 'flannel' } },
        template: {
          metadata: { labels },
          spec: {
            affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] }] } } },
            hostNetwork: true,
            priorityClassName: 'system-node-critical',
            tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
            serviceAccountName: 'flannel',
            initContainers: [
              { name: 'install-cni-plugin', image: IMAGES.flannelCni, command: ['cp'], args: ['-f', '/flannel', '/opt/cni/bin/flannel'] },
              { name: 'install-cni', image: IMAGES.flannel, command: ['cp'], args: ['-f', '/etc/kube-flannel/cni-conf.json', '/etc/cni/net.d/10-flannel.conflist'] },
            ],
            containers: [
              {
                name: 'kube-flannel',
                image: IMAGES.flannel,
                command: ['/opt/bin/flanneld'],
                args: ['--ip-masq', '--kube-subnet-mgr'],
                resources: { requests: { cpu: '100m', memory: '50Mi' } },
                securityContext: { privileged: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } },
              },
            ],
          },
        },
      },
    },
  ];
}

/** calico-node as the calico manifest installs it (trimmed): one pod per node, host network. */
export function calicoObjects(): KubeObject[] {
  const labels = { 'k8s-app': 'calico-node' };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'calico-node', namespace: 'kube-system' } },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'calico-node', namespace: 'kube-system', labels },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            hostNetwork: true,
            priorityClassName: 'system-node-critical',
            serviceAccountName: 'calico-node',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }, { key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoExecute', operator: 'Exists' }],
            containers: [{ name: 'calico-node', image: IMAGES.calicoNode, resources: { requests: { cpu: '250m' } }, securityContext: { privileged: true } }],
          },
        },
      },
    },
  ];
}

/** The `kubernetes` Service in default: the API server's own ClusterIP (first address of the range). */
export function kubernetesService(apiIP: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: apiIP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  };
}

/** The endpoints kube-apiserver keeps for the `kubernetes` Service (pkg/controlplane/reconcilers). */
export function kubernetesEndpoints(apiServerIPs: string[]): KubeObject[] {
  return [
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: apiServerIPs.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: apiServerIPs.map((ip) => ({ ip })), ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    },
  ];
}
