// Node registration and heartbeats. Conditions: pkg/kubelet/nodestatus/setters.go (reasons and
// messages); allocatable: cm/node_container_manager_linux.go (capacity - reserved - hard
// eviction, percentages as float32); lease: pkg/kubelet/nodelease (40 s lease renewed every
// 10 s); mirror pods: pkg/kubelet/pod/mirror_client.go and config/common.go.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_CONFIG } from '../api/clusterConfig';
import { createKubelet } from './kubelet';
import { microTime, nodeResources, registerNode } from './nodeRegistration';
import { isMirrorPod, isStaticPod, mirrorPodFor } from './staticPods';
import { KubeletDriver } from './testing/driveKubelet';
import { nodeFixture, setupKubelet } from './testing/setup';

describe('registerNode', () => {
  it('labels the node as a kubelet does, plus kubeadm control-plane label and taint', () => {
    const n = registerNode({ name: 'cp', role: 'control-plane', zone: 'zone-a' }, DEFAULT_CLUSTER_CONFIG);
    expect(n.metadata.labels).toEqual({
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'cp',
      'kubernetes.io/os': 'linux',
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
      'topology.kubernetes.io/zone': 'zone-a',
    });
    expect(n.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  });

  it('reports the four conditions with the kubelet reasons and messages', () => {
    const n = registerNode({ name: 'w' }, DEFAULT_CLUSTER_CONFIG, { now: 5000 });
    expect(n.status.conditions.map((c: any) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
    ]);
    expect(n.status.conditions[0].lastHeartbeatTime).toBe('2026-01-01T00:00:05Z');
    expect(n.status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.34.1', containerRuntimeVersion: 'containerd://2.1.4', operatingSystem: 'linux', architecture: 'amd64' });
  });

  it('is NotReady with the CNI message before the network is up', () => {
    const n = registerNode({ name: 'w' }, DEFAULT_CLUSTER_CONFIG, { networkReady: false });
    expect(n.status.conditions[3]).toMatchObject({
      status: 'False',
      reason: 'KubeletNotReady',
      message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
    });
  });

  it('subtracts the 100Mi memory and 10% nodefs hard-eviction thresholds from allocatable', () => {
    // A real kubeadm node: 50620216Ki disk gives 46651590989 bytes allocatable (float32 0.1).
    const r = nodeResources({ cpu: '4', memory: '8Gi' }, { disk: '50620216Ki' });
    expect(r.capacity).toEqual({ cpu: '4', 'ephemeral-storage': '50620216Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8Gi', pods: '110' });
    expect(r.allocatable).toEqual({ cpu: '4', 'ephemeral-storage': '46651590989', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8092Mi', pods: '110' });
  });

  it('subtracts kube-reserved and system-reserved', () => {
    const r = nodeResources({ cpu: '4', memory: '8Gi' }, { kubeReserved: { cpu: '100m', memory: '256Mi' }, systemReserved: { cpu: '100m' } });
    expect(r.allocatable.cpu).toBe('3800m');
    expect(r.allocatable.memory).toBe('7836Mi');
  });
});

describe('heartbeats', () => {
  it('creates the Lease, renews it every 10 s and posts node status with the image list', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.runUntil(25_000);
    const lease = d.objects.find((o) => o.kind === 'Lease')!;
    expect(lease.metadata).toMatchObject({ name: 'node-1', namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: 'node-1-uid' }] });
    expect(lease.spec).toEqual({ holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:20.000000Z' });
    const renewals = d.writes.filter((w) => w.write.op !== 'event' && (w.write as any).object?.kind === 'Lease').map((w) => w.t);
    expect(renewals).toEqual([0, 10_000, 20_000]);
    const node = d.objects.find((o) => o.kind === 'Node')!;
    expect(node.status.images[0].names[1]).toBe('docker.io/library/nginx:1.27');
    expect(node.status.images.map((i: any) => i.sizeBytes)).toEqual([...node.status.images.map((i: any) => i.sizeBytes)].sort((a: number, b: number) => b - a));
  });

  it('posts node status only on change or every 5 minutes', () => {
    const { driver: d } = setupKubelet();
    d.runUntil(600_000);
    const posts = d.writes.filter((w) => w.write.op === 'updateStatus' && (w.write as any).object.kind === 'Node').map((w) => w.t);
    expect(posts).toEqual([0, 300_000, 600_000]);
  });

  it('stops renewing the Lease while the kubelet is stopped', () => {
    const { driver: d, kubelet } = setupKubelet();
    d.runUntil(10_000);
    kubelet.setStopped(true, d.now, d.listers());
    d.runUntil(60_000);
    expect(d.objects.find((o) => o.kind === 'Lease')!.spec.renewTime).toBe('2026-01-01T00:00:10.000000Z');
  });

  it('registers its Node with the startup events when the Node does not exist', () => {
    const node = nodeFixture('node-1');
    const kubelet = createKubelet('node-1', { nodeToRegister: node });
    const d = new KubeletDriver(kubelet, []);
    d.runUntil(0);
    expect(d.objects.some((o) => o.kind === 'Node')).toBe(true);
    expect(d.events.map((e) => e.message)).toEqual([
      'Starting kubelet.',
      'Node node-1 status is now: NodeHasSufficientMemory',
      'Node node-1 status is now: NodeHasNoDiskPressure',
      'Node node-1 status is now: NodeHasSufficientPID',
      'Updated Node Allocatable limit across pods',
      'Node node-1 status is now: NodeReady',
    ]);
  });

  it('formats MicroTime with six fractional digits', () => {
    expect(microTime(10_250)).toBe('2026-01-01T00:00:10.250000Z');
  });
});

describe('static pods', () => {
  it('turns a manifest into the mirror pod <name>-<node> owned by the Node', () => {
    const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'etcd', namespace: 'kube-system', labels: { component: 'etcd' } }, spec: { hostNetwork: true, containers: [{ name: 'etcd', image: 'registry.k8s.io/etcd:3.6.4-0' }] } };
    const node = nodeFixture('cp-1');
    const m = mirrorPodFor(manifest, node);
    expect(m.metadata.name).toBe('etcd-cp-1');
    expect(m.metadata.namespace).toBe('kube-system');
    expect(m.spec.nodeName).toBe('cp-1');
    expect(m.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'cp-1', uid: 'cp-1-uid', controller: true }]);
    const a = m.metadata.annotations!;
    expect(a['kubernetes.io/config.source']).toBe('file');
    expect(a['kubernetes.io/config.hash']).toMatch(/^[0-9a-f]{32}$/);
    expect(a['kubernetes.io/config.mirror']).toBe(a['kubernetes.io/config.hash']);
    expect(m.spec.tolerations).toEqual([{ operator: 'Exists', effect: 'NoExecute' }]);
    expect(isMirrorPod(m) && isStaticPod(m)).toBe(true);
    expect(mirrorPodFor(manifest, node).metadata.annotations!['kubernetes.io/config.hash']).toBe(a['kubernetes.io/config.hash']);
  });
});

describe('static pods on the kubelet', () => {
  it('creates the mirror pod and runs it on the host network with the node IP', () => {
    const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'etcd', namespace: 'kube-system' }, spec: { hostNetwork: true, containers: [{ name: 'etcd', image: 'registry.k8s.io/etcd:3.6.4-0', livenessProbe: { httpGet: { host: '127.0.0.1', path: '/livez', port: 2381 } } }] } };
    let allocations = 0;
    const { driver: d } = setupKubelet({ staticPods: [manifest], preloadedImages: ['registry.k8s.io/etcd:3.6.4-0'], allocateIP: () => (allocations++, '10.244.1.50') });
    d.runUntil(5_000);
    const mirror = d.pod('etcd-node-1', 'kube-system')!;
    expect(mirror.metadata.annotations!['kubernetes.io/config.source']).toBe('file');
    expect(mirror.status.podIP).toBe('172.18.0.3');
    expect(mirror.status.phase).toBe('Running');
    expect(allocations).toBe(0);
  });
});
