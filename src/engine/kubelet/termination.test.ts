// Admission, graceful deletion and user actions. Wording: kubelet.go rejectPod ("Pod was
// rejected: "), kuberuntime_container.go killContainer ("Stopping container x"); deletion with
// grace 0 after the pod is terminated follows status_manager.go canBeDeleted.
import { describe, expect, it } from 'vitest';
import { podStatusColumns } from './podStatusColumns';
import { setupKubelet, testPod } from './testing/setup';
import { Rng } from '../core/rng';
import { DEFAULT_CLUSTER_CONFIG } from '../api/clusterConfig';

const cols = (d: any, name: string) => {
  const c = podStatusColumns(d.pod(name), d.now);
  return `${c.ready} ${c.status} ${c.restarts}`;
};

describe('admission', () => {
  it('rejects a pod that does not fit: phase Failed, reason OutOfcpu, "Pod was rejected: ..."', () => {
    const { driver: d } = setupKubelet();
    d.put(testPod('big', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '4' } } }] }));
    d.runUntil(1_000);
    const st = d.pod('big')!.status;
    expect(st).toMatchObject({ phase: 'Failed', reason: 'OutOfcpu', message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 4000, used: 0, capacity: 2000" });
    expect(cols(d, 'big')).toBe('0/1 OutOfcpu 0');
    expect(d.events).toMatchObject([{ type: 'Warning', reason: 'OutOfcpu', message: "Node didn't have enough resource: cpu, requested: 4000, used: 0, capacity: 2000" }]);
  });

  it('counts the requests of pods it already runs', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('a', { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '1500m' } } }] }));
    d.runUntil(1_000);
    d.put(testPod('b', { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '1' } } }] }));
    d.runUntil(2_000);
    expect(d.pod('b')!.status.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 1000, used: 1500, capacity: 2000");
  });
});

describe('graceful deletion', () => {
  it('stops nginx at once, reports Completed, releases the IP and deletes the pod with grace 0', () => {
    const released: string[] = [];
    const { driver: d } = setupKubelet({
      preloadedImages: ['nginx:1.27'],
      allocateIP: () => '10.244.1.7',
      releaseIP: (_n, pod) => void released.push(pod.metadata.name ?? ''),
    });
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }));
    d.runUntil(5_000);
    expect(d.pod('web')!.status.podIP).toBe('10.244.1.7');
    d.deletePod('default', 'web');
    d.runUntil(5_000);
    expect(cols(d, 'web')).toBe('1/1 Terminating 0');
    d.runUntil(6_000);
    expect(d.pod('web')).toBeUndefined();
    expect(d.events.find((e) => e.reason === 'Killing')!.message).toBe('Stopping container nginx');
    expect(released).toEqual(['web']);
    const lastStatus = d.statuses.filter((s) => s.pod === 'web').pop()!.status;
    expect(lastStatus.phase).toBe('Succeeded');
    expect(lastStatus.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const del = d.writes.find((w) => w.write.op === 'delete')!.write as any;
    expect(del).toMatchObject({ gracePeriodSeconds: 0, ref: { kind: 'Pod', namespace: 'default', name: 'web' } });
  });

  it('kills a shell that ignores SIGTERM at the end of the grace period with 137', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['busybox:1.36'] });
    d.put(testPod('sleeper', { terminationGracePeriodSeconds: 30, containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    d.runUntil(5_000);
    d.deletePod('default', 'sleeper');
    d.runUntil(34_000);
    expect(cols(d, 'sleeper')).toBe('1/1 Terminating 0');
    d.runUntil(36_000);
    expect(d.pod('sleeper')).toBeUndefined();
    const last = d.statuses.filter((s) => s.pod === 'sleeper').pop()!.status;
    expect(last.phase).toBe('Failed');
    expect(last.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('forgets a pod deleted with grace 0 and releases its IP', () => {
    const released: string[] = [];
    const { driver: d, kubelet } = setupKubelet({ preloadedImages: ['nginx:1.27'], allocateIP: () => '10.244.1.9', releaseIP: (_n, p) => void released.push(p.metadata.name ?? '') });
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }));
    d.runUntil(5_000);
    d.deletePod('default', 'web', 0);
    d.runUntil(6_000);
    expect(kubelet.runtimeOf('default', 'web')).toBeUndefined();
    expect(released).toEqual(['web']);
  });

  it('reports the CNI error when the IPAM has no address left', () => {
    const { driver: d } = setupKubelet({ allocateIP: () => ({ error: 'failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254' }) });
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }));
    d.runUntil(1_000);
    expect(cols(d, 'web')).toBe('0/1 ContainerCreating 0');
    expect(d.events[0].reason).toBe('FailedCreatePodSandBox');
    expect(d.events[0].message).toMatch(
      /^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "[0-9a-f]{64}": plugin type="\w+" failed \(add\): failed to allocate for range 0: no IP addresses available in range set: 10\.244\.1\.1-10\.244\.1\.254$/,
    );
  });
});

describe('user actions', () => {
  it('kills a container (exit 137) and the kubelet restarts it', () => {
    const { driver: d, kubelet } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }));
    d.runUntil(5_000);
    for (const k of kubelet.killContainer('default', 'web', 'nginx', d.now)) d.enqueue(k, d.now);
    d.runUntil(5_500);
    expect(d.pod('web')!.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    d.runUntil(8_000);
    expect(cols(d, 'web')).toMatch(/^1\/1 Running 1 \(\ds ago\)$/);
  });

  it('does nothing while the kubelet is stopped and catches up when it starts again', () => {
    const { driver: d, kubelet } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    kubelet.setStopped(true, 0, d.listers());
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }));
    d.runUntil(30_000);
    expect(d.writes).toEqual([]);
    for (const k of kubelet.setStopped(false, d.now, d.listers())) d.enqueue(k, d.now);
    d.runUntil(35_000);
    expect(cols(d, 'web')).toBe('1/1 Running 0');
  });

  it('shows the current and previous logs of a container', () => {
    const { driver: d, kubelet } = setupKubelet({ preloadedImages: ['busybox:1.36'] });
    d.put(testPod('talk', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo one; sleep 2; echo two; sleep 2; exit 1'] }] }));
    d.runUntil(2_000);
    expect(kubelet.containerLogs('default', 'talk', 'c', d.now, d.listers())).toEqual(['one']);
    d.runUntil(7_000);
    expect(kubelet.containerLogs('default', 'talk', 'c', d.now, d.listers(), { previous: true })).toEqual(['one', 'two']);
    expect(kubelet.containerLogs('default', 'talk', 'nope', d.now, d.listers())).toEqual({ error: 'container "nope" in pod "talk" is not available' });
  });
});

describe('deleting pods that never ran', () => {
  it('deletes a rejected pod at once when it is deleted', () => {
    const { driver: d } = setupKubelet();
    d.put(testPod('big', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '4' } } }] }));
    d.runUntil(1_000);
    d.deletePod('default', 'big');
    d.runUntil(1_000);
    expect(d.pod('big')).toBeUndefined();
  });

  it('deletes a pod stuck in ImagePullBackOff and marks it Failed first', () => {
    const { driver: d } = setupKubelet();
    d.put(testPod('bad', { containers: [{ name: 'c', image: 'nginx:doesnotexist' }] }));
    d.runUntil(5_000);
    d.deletePod('default', 'bad');
    d.runUntil(5_000);
    expect(d.pod('bad')).toBeUndefined();
    expect(d.statuses.filter((s) => s.pod === 'bad').pop()!.status.phase).toBe('Failed');
  });
});

describe('plans', () => {
  it('marks probe ticks of a steady pod as background work and asks to be woken for the next tick', () => {
    const { driver: d, kubelet } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 10 } }] }));
    d.runUntil(15_000);
    const plan = kubelet.reconcile('pod/default/web', { listers: d.listers(), now: 15_000, rng: new Rng(1), config: DEFAULT_CLUSTER_CONFIG });
    expect(plan.writes).toEqual([]);
    expect(plan.background).toBe(true);
    expect(plan.requeueAfterMs).toBe(5_000);
  });
});

describe('environment', () => {
  it('expands $(VAR) in args and resolves fieldRef and ConfigMap values', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'greeting', namespace: 'default' }, data: { text: 'hello' } };
    const { driver: d, kubelet } = setupKubelet({ preloadedImages: ['busybox:1.36'] }, [cm as any]);
    d.put(
      testPod('env', {
        containers: [
          {
            name: 'c',
            image: 'busybox:1.36',
            command: ['sh', '-c'],
            args: ['echo $(GREETING) from $NODE; sleep 3600'],
            env: [
              { name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'greeting', key: 'text' } } },
              { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
            ],
          },
        ],
      }),
    );
    d.runUntil(3_000);
    expect(kubelet.containerLogs('default', 'env', 'c', d.now, d.listers())).toEqual(['hello from node-1']);
  });
});

describe('end of a deleted pod that never ran', () => {
  it('reports a never-started container as ContainerStatusUnknown (TerminatePod)', () => {
    const { driver: d } = setupKubelet();
    d.put(testPod('bad', { containers: [{ name: 'c', image: 'nginx:doesnotexist' }] }));
    d.runUntil(5_000);
    d.deletePod('default', 'bad');
    d.runUntil(5_000);
    const last = d.statuses.filter((s) => s.pod === 'bad').pop()!.status;
    expect(last.containerStatuses[0].state.terminated).toEqual({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' });
  });

  it('keeps conditions the kubelet does not own ahead of its own', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put({ ...testPod('web', { containers: [{ name: 'c', image: 'nginx:1.27' }] }), status: { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI' }] } });
    d.runUntil(3_000);
    expect(d.pod('web')!.status.conditions.map((c: any) => c.type)).toEqual(['DisruptionTarget', 'PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
  });
});

describe('activeDeadlineSeconds', () => {
  it('fails the pod with DeadlineExceeded and stops its containers', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('short', { activeDeadlineSeconds: 5, containers: [{ name: 'c', image: 'nginx:1.27' }] }));
    d.runUntil(7_000);
    const st = d.pod('short')!.status;
    expect(st).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
    // printPod lets the container's own terminated reason (nginx exits 0: Completed) win over status.reason.
    expect(podStatusColumns(d.pod('short')!, d.now).status).toBe('Completed');
    expect(d.reasons()).toContain('Killing');
  });
});
