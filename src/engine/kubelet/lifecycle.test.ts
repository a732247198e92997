// End-to-end pod lifecycles on one kubelet. Event reasons and wording follow
// kuberuntime_container.go (v1.34: "Created container: x", "Started container x"),
// images/image_manager.go (Pulling/Pulled/Failed/BackOff), kuberuntime_manager.go doBackOff
// (CrashLoopBackOff, 10 s doubling), kubelet_pods.go (CreateContainerConfigError texts).
import { describe, expect, it } from 'vitest';
import { podStatusColumns } from './podStatusColumns';
import { setupKubelet, testPod } from './testing/setup';

const programLogsOf = (d: any, name: string) => d.kubelet.containerLogs('default', name, 'c', d.now, d.listers(), { previous: true });

const cols = (d: { pod(n: string): any; now: number }, name: string) => {
  const c = podStatusColumns(d.pod(name), d.now);
  return `${c.ready} ${c.status} ${c.restarts}`;
};

describe('a pod running nginx', () => {
  it('pulls, creates and starts the container, then reports Running with ids and conditions', () => {
    const { driver: d } = setupKubelet();
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }));
    d.runUntil(0);
    expect(cols(d, 'web')).toBe('0/1 ContainerCreating 0');
    d.runUntil(10_000);
    expect(cols(d, 'web')).toBe('1/1 Running 0');
    expect(d.reasons()).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(d.events[0].message).toBe('Pulling image "nginx:1.27"');
    expect(d.events[1].message).toMatch(/^Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 72225606 bytes\.$/);
    expect(d.events[2].message).toBe('Created container: nginx');
    expect(d.events[3].message).toBe('Started container nginx');
    const st = d.pod('web')!.status;
    expect(st.phase).toBe('Running');
    expect(st.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(st.podIP).toBe('10.244.1.2');
    expect(st.hostIP).toBe('172.18.0.3');
    expect(st.qosClass).toBe('BestEffort');
    const cs = st.containerStatuses[0];
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.image).toBe('docker.io/library/nginx:1.27');
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs).toMatchObject({ name: 'nginx', ready: true, restartCount: 0, started: true, lastState: {} });
  });

  it('says "already present on machine" for a cached IfNotPresent image, and pulls :latest again', () => {
    const { driver: d } = setupKubelet();
    d.put(testPod('a', { containers: [{ name: 'c', image: 'nginx:1.27' }] }));
    d.runUntil(10_000);
    d.put(testPod('b', { containers: [{ name: 'c', image: 'nginx:1.27' }] }));
    d.runUntil(20_000);
    expect(d.events.filter((e) => e.involved === 'Pod/b')[0].message).toBe('Container image "nginx:1.27" already present on machine');
    d.put(testPod('l1', { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }] }));
    d.runUntil(30_000);
    d.put(testPod('l2', { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }] }));
    d.runUntil(40_000);
    expect(d.reasons('Pod/l2')).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
  });

  it('pulls one image at a time: the second pull reports the time it waited', () => {
    const { driver: d } = setupKubelet();
    d.put(testPod('a', { containers: [{ name: 'c', image: 'nginx:1.27' }] }));
    d.put(testPod('b', { containers: [{ name: 'c', image: 'redis:8' }] }));
    d.runUntil(20_000);
    const pulled = d.events.filter((e) => e.reason === 'Pulled').map((e) => /in ([\d.]+m?s) \(([\d.]+m?s) including/.exec(e.message)!.slice(1));
    expect(pulled[0][0]).toBe(pulled[0][1]);
    expect(pulled[1][0]).not.toBe(pulled[1][1]);
  });
});

describe('CrashLoopBackOff', () => {
  it('restarts at once after the first exit, then waits 10 s, 20 s, 40 s after each exit', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['busybox:1.36'] });
    d.put(testPod('crash', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo boom; sleep 1; exit 1'] }] }, { uid: 'u-crash' }));
    const starts: number[] = [];
    let last = '';
    const seen: string[] = [];
    for (let t = 0; t <= 120_000; t += 100) {
      d.runUntil(t);
      const c = cols(d, 'crash');
      const status = c.split(' ')[1];
      if (status !== last) seen.push(status);
      last = status;
    }
    for (const e of d.events) if (e.reason === 'Started') starts.push(e.t);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    // Each run lasts 1 s. First exit -> relist after 1 s -> restart; later restarts wait for
    // the back-off counted from the exit: 10 s, 20 s, 40 s.
    expect(gaps).toEqual([2000, 11_000, 21_000, 41_000]);
    expect(seen.slice(0, 6)).toEqual(['ContainerCreating', 'Running', 'Error', 'Running', 'Error', 'CrashLoopBackOff']);
    const cs = d.pod('crash')!.status.containerStatuses[0];
    expect(cs.state.waiting).toEqual({ reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=c pod=crash_default(u-crash)' });
    expect(programLogsOf(d, 'crash')).toEqual(['boom']);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cs.restartCount).toBe(4);
    expect(d.events.find((e) => e.reason === 'BackOff')!.message).toBe('Back-off restarting failed container c in pod crash_default(u-crash)');
  });

  it('counts restarts in the RESTARTS column with the age of the last exit', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['busybox:1.36'] });
    d.put(testPod('crash', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['false'] }] }));
    // Exits at once: restart 1 after the relist (1 s), restart 2 ten seconds after that exit.
    d.runUntil(15_000);
    expect(cols(d, 'crash')).toMatch(/^0\/1 CrashLoopBackOff 2 \(\d+s ago\)$/);
  });

  it('lets a restartPolicy Never pod end as Completed or Error', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['busybox:1.36'] });
    d.put(testPod('ok', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }] }));
    d.put(testPod('bad', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 2'] }] }));
    d.runUntil(10_000);
    expect(cols(d, 'ok')).toBe('0/1 Completed 0');
    expect(d.pod('ok')!.status.phase).toBe('Succeeded');
    expect(cols(d, 'bad')).toBe('0/1 Error 0');
    expect(d.pod('bad')!.status.phase).toBe('Failed');
    expect(d.pod('bad')!.status.conditions.find((c: any) => c.type === 'Ready').reason).toBe('PodFailed');
  });

  it('restarts OnFailure pods only after a failure', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['busybox:1.36'] });
    d.put(testPod('once', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 0'] }] }));
    d.put(testPod('again', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] }));
    d.runUntil(5_000);
    expect(d.pod('once')!.status.phase).toBe('Succeeded');
    expect(d.pod('again')!.status.phase).toBe('Running');
    expect(d.pod('again')!.status.containerStatuses[0].restartCount).toBeGreaterThan(0);
  });
});

describe('image pull errors', () => {
  it('reports ErrImagePull, then ImagePullBackOff with the wrapped error, retrying after 10 s and 20 s', () => {
    const { driver: d } = setupKubelet();
    d.put(testPod('bad', { containers: [{ name: 'c', image: 'nginx:doesnotexist' }] }));
    d.runUntil(1_500);
    const notFound = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve image: docker.io/library/nginx:doesnotexist: not found';
    expect(d.pod('bad')!.status.containerStatuses[0].state.waiting).toEqual({ reason: 'ErrImagePull', message: notFound });
    expect(cols(d, 'bad')).toBe('0/1 ErrImagePull 0');
    d.runUntil(3_000);
    expect(d.pod('bad')!.status.containerStatuses[0].state.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "nginx:doesnotexist": ErrImagePull: ${notFound}`,
    });
    d.runUntil(60_000);
    const pulls = d.events.filter((e) => e.reason === 'Pulling').map((e) => e.t);
    expect(pulls.length).toBe(3);
    const fails = d.events.filter((e) => e.reason === 'Failed' && e.message.startsWith('Failed to pull')).map((e) => e.t);
    expect(pulls[1] - fails[0]).toBe(10_000);
    expect(pulls[2] - fails[1]).toBe(20_000);
    expect(d.events.find((e) => e.reason === 'Failed')!.message).toBe(`Failed to pull image "nginx:doesnotexist": ${notFound}`);
    expect(d.reasons()).toContain('BackOff');
    expect(d.events.filter((e) => e.reason === 'Failed').map((e) => e.message)).toContain('Error: ImagePullBackOff');
  });

  it('reports InvalidImageName for a reference that does not parse', () => {
    const { driver: d } = setupKubelet();
    d.put(testPod('bad', { containers: [{ name: 'c', image: 'Nginx' }] }));
    d.runUntil(2_000);
    expect(cols(d, 'bad')).toBe('0/1 InvalidImageName 0');
    expect(d.events[0]).toMatchObject({ type: 'Warning', reason: 'InspectFailed' });
  });

  it('reports ErrImageNeverPull for a missing image with imagePullPolicy Never', () => {
    const { driver: d } = setupKubelet();
    d.put(testPod('never', { containers: [{ name: 'c', image: 'nginx:1.27', imagePullPolicy: 'Never' }] }));
    d.runUntil(2_000);
    expect(d.pod('never')!.status.containerStatuses[0].state.waiting).toEqual({
      reason: 'ErrImageNeverPull',
      message: 'Container image "nginx:1.27" is not present with pull policy of Never',
    });
  });
});

describe('CreateContainerConfigError', () => {
  it.each([
    [{ envFrom: [{ configMapRef: { name: 'app' } }] }, [], 'configmap "app" not found'],
    [{ env: [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'app', key: 'k' } } }] }, [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'default' }, data: { other: '1' } }], "couldn't find key k in ConfigMap default/app"],
    [{ env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] }, [], 'secret "db" not found'],
  ])('blocks the container with %j', (envSpec, objects, message) => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] }, objects as any);
    d.put(testPod('cfg', { containers: [{ name: 'c', image: 'nginx:1.27', ...envSpec }] }));
    d.runUntil(3_000);
    expect(d.pod('cfg')!.status.containerStatuses[0].state.waiting).toEqual({ reason: 'CreateContainerConfigError', message });
    expect(d.events.map((e) => `${e.reason}: ${e.message}`)).toEqual(['Pulled: Container image "nginx:1.27" already present on machine', `Failed: Error: ${message}`]);
  });

  it('starts the container once the ConfigMap appears', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('cfg', { containers: [{ name: 'c', image: 'nginx:1.27', envFrom: [{ configMapRef: { name: 'app' } }] }] }));
    d.runUntil(3_000);
    d.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'default' }, data: { A: '1' } });
    d.runUntil(20_000);
    expect(cols(d, 'cfg')).toBe('1/1 Running 0');
  });

  it('holds the pod in ContainerCreating with FailedMount while a configMap volume is missing', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('vol', { volumes: [{ name: 'cfg', configMap: { name: 'app' } }], containers: [{ name: 'c', image: 'nginx:1.27' }] }));
    d.runUntil(3_000);
    expect(cols(d, 'vol')).toBe('0/1 ContainerCreating 0');
    expect(d.events[0]).toMatchObject({ type: 'Warning', reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "cfg" : configmap "app" not found' });
    expect(d.pod('vol')!.status.conditions[0]).toMatchObject({ type: 'PodReadyToStartContainers', status: 'False' });
  });
});

describe('OOMKilled', () => {
  it('kills a container whose program uses more memory than its limit (memory-demo-2)', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['polinux/stress'] });
    d.put(
      testPod('memory-demo-2', {
        containers: [{ name: 'memory-demo-2-ctr', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'], resources: { requests: { memory: '50Mi' }, limits: { memory: '100Mi' } } }],
      }),
    );
    d.runUntil(2_700);
    expect(cols(d, 'memory-demo-2')).toBe('0/1 OOMKilled 0');
    expect(d.pod('memory-demo-2')!.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(d.pod('memory-demo-2')!.status.qosClass).toBe('Burstable');
  });
});

describe('changing the image of a pod', () => {
  it('pulls the fixed image at once when a container is in ImagePullBackOff', () => {
    const { driver: d } = setupKubelet();
    const pod = testPod('fixme', { containers: [{ name: 'c', image: 'nginx:doesnotexist' }] });
    d.put(pod);
    d.runUntil(5_000);
    expect(cols(d, 'fixme')).toBe('0/1 ImagePullBackOff 0');
    d.put({ ...d.pod('fixme')!, spec: { ...pod.spec, containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    d.runUntil(8_000);
    expect(cols(d, 'fixme')).toBe('1/1 Running 0');
  });

  it('restarts a running container whose image changed ("definition changed")', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27', 'nginx:1.28'] });
    const pod = testPod('web', { containers: [{ name: 'c', image: 'nginx:1.27' }] });
    d.put(pod);
    d.runUntil(3_000);
    d.put({ ...d.pod('web')!, spec: { ...pod.spec, containers: [{ name: 'c', image: 'nginx:1.28' }] } });
    d.runUntil(6_000);
    expect(d.events.find((e) => e.reason === 'Killing')!.message).toBe('Container c definition changed, will be restarted');
    const cs = d.pod('web')!.status.containerStatuses[0];
    expect(cs.image).toBe('docker.io/library/nginx:1.28');
    expect(cs.restartCount).toBe(1);
  });
});
