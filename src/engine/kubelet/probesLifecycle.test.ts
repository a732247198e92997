// Probes and init containers on a kubelet. Wording: prober/prober.go ("<Type> probe failed:
// <output>", reason Unhealthy), pkg/probe/http (statuscode, connection refused via Go's dialer),
// kuberuntime_manager.go computePodActions ("Container x failed liveness probe, will be
// restarted"). Scenarios: the task pages "Configure Liveness, Readiness and Startup Probes"
// (liveness-exec, liveness-http with agnhost liveness) and "Sidecar Containers".
import { describe, expect, it } from 'vitest';
import { podStatusColumns } from './podStatusColumns';
import { setupKubelet, testPod } from './testing/setup';

const cols = (d: any, name: string) => {
  const c = podStatusColumns(d.pod(name), d.now);
  return `${c.ready} ${c.status} ${c.restarts}`;
};
const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.40';

describe('readiness probes', () => {
  it('fails with connection refused while nothing listens, and the pod is 0/1 Running', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } }] }));
    d.runUntil(20_000);
    expect(cols(d, 'web')).toBe('0/1 Running 0');
    const unhealthy = d.events.filter((e) => e.reason === 'Unhealthy');
    expect(unhealthy[0].message).toBe('Readiness probe failed: Get "http://10.244.1.2:8080/": dial tcp 10.244.1.2:8080: connect: connection refused');
    const ready = d.pod('web')!.status.conditions.find((c: any) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' });
  });

  it('turns the pod Ready about a second after the container starts when the port answers', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 } } }] }));
    d.runUntil(3_000);
    expect(cols(d, 'web')).toBe('1/1 Running 0');
    expect(d.reasons()).not.toContain('Unhealthy');
  });

  it('waits initialDelaySeconds before the first probe', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 15, periodSeconds: 10 } }] }));
    d.runUntil(14_000);
    expect(cols(d, 'web')).toBe('0/1 Running 0');
    d.runUntil(25_000);
    expect(cols(d, 'web')).toBe('1/1 Running 0');
  });

  it('follows a user override that forces the probe to fail', () => {
    const { driver: d, kubelet } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 1 } }] }));
    d.runUntil(5_000);
    expect(cols(d, 'web')).toBe('1/1 Running 0');
    for (const k of kubelet.setProbeOverride('default', 'web', 'nginx', 'readiness', 'fail')) d.enqueue(k, d.now);
    d.runUntil(11_000);
    expect(cols(d, 'web')).toBe('0/1 Running 0');
  });
});

describe('liveness probes', () => {
  it('restarts agnhost liveness after /healthz starts answering 500 (liveness-http)', () => {
    const { driver: d } = setupKubelet({ preloadedImages: [AGNHOST] });
    d.put(testPod('liveness-http', { containers: [{ name: 'liveness', image: AGNHOST, args: ['liveness'], livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3, periodSeconds: 3 } }] }));
    d.runUntil(30_000);
    const msgs = d.events.filter((e) => e.reason === 'Unhealthy' || e.reason === 'Killing').map((e) => e.message);
    expect(msgs.slice(0, 4)).toEqual([
      'Liveness probe failed: HTTP probe failed with statuscode: 500',
      'Liveness probe failed: HTTP probe failed with statuscode: 500',
      'Liveness probe failed: HTTP probe failed with statuscode: 500',
      'Container liveness failed liveness probe, will be restarted',
    ]);
    const cs = d.pod('liveness-http')!.status.containerStatuses[0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('restarts the liveness-exec example once /tmp/healthy is removed', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['registry.k8s.io/busybox:1.27.2'] });
    d.put(
      testPod('liveness-exec', {
        containers: [
          {
            name: 'liveness',
            image: 'registry.k8s.io/busybox:1.27.2',
            args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
            livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
          },
        ],
      }),
    );
    d.runUntil(30_000);
    expect(d.reasons()).not.toContain('Unhealthy');
    d.runUntil(60_000);
    const unhealthy = d.events.filter((e) => e.reason === 'Unhealthy');
    expect(unhealthy[0].message).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(d.events.find((e) => e.reason === 'Killing')!.message).toBe('Container liveness failed liveness probe, will be restarted');
  });
});

describe('startup probes and sidecars', () => {
  it('holds liveness and readiness back until the startup probe succeeds', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(
      testPod('slow', {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            startupProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10, failureThreshold: 30 },
            readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 },
          },
        ],
      }),
    );
    d.runUntil(900);
    expect(d.pod('slow')!.status.containerStatuses?.[0]?.started ?? false).toBe(false);
    d.runUntil(15_000);
    const cs = d.pod('slow')!.status.containerStatuses[0];
    expect(cs.started).toBe(true);
    expect(cs.ready).toBe(true);
  });

  it('runs init containers in order: Init:0/2, Init:1/2, PodInitializing, Running', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['busybox:1.36', 'nginx:1.27'] });
    d.put(
      testPod('init', {
        initContainers: [
          { name: 'first', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3'] },
          { name: 'second', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3'] },
        ],
        containers: [{ name: 'app', image: 'nginx:1.27' }],
      }),
    );
    const seen: string[] = [];
    for (let t = 0; t <= 12_000; t += 100) {
      d.runUntil(t);
      const s = cols(d, 'init').split(' ')[1];
      if (seen[seen.length - 1] !== s) seen.push(s);
    }
    expect(seen).toEqual(['Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']);
    const st = d.pod('init')!.status;
    expect(st.initContainerStatuses.map((c: any) => [c.name, c.ready, c.state.terminated.reason])).toEqual([
      ['first', true, 'Completed'],
      ['second', true, 'Completed'],
    ]);
  });

  it('fails the pod when an init container fails under restartPolicy Never (Init:Error)', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['busybox:1.36'] });
    d.put(testPod('init', { restartPolicy: 'Never', initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['false'] }], containers: [{ name: 'app', image: 'busybox:1.36' }] }));
    d.runUntil(5_000);
    expect(cols(d, 'init')).toBe('0/1 Init:Error 0');
    expect(d.pod('init')!.status.phase).toBe('Failed');
  });

  it('crash-loops a failing init container under restartPolicy Always (Init:CrashLoopBackOff)', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['busybox:1.36'] });
    d.put(testPod('init', { initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['false'] }], containers: [{ name: 'app', image: 'busybox:1.36' }] }));
    d.runUntil(5_000);
    expect(cols(d, 'init')).toMatch(/^0\/1 Init:CrashLoopBackOff 1 \(\d+s ago\)$/);
  });

  it('keeps a sidecar running next to the app and counts it in READY', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['busybox:1.36', 'nginx:1.27'] });
    d.put(
      testPod('side', {
        initContainers: [{ name: 'logshipper', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do echo ship; sleep 5; done'] }],
        containers: [{ name: 'app', image: 'nginx:1.27' }],
      }),
    );
    d.runUntil(5_000);
    expect(cols(d, 'side')).toBe('2/2 Running 0');
  });

  it('lets a sidecar with a startup probe gate the next init container', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['nginx:1.27', 'busybox:1.36'] });
    d.put(
      testPod('gated', {
        initContainers: [
          { name: 'proxy', image: 'nginx:1.27', restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 } },
          { name: 'migrate', image: 'busybox:1.36', command: ['sh', '-c', 'echo migrated'] },
        ],
        containers: [{ name: 'app', image: 'nginx:1.27' }],
      }),
    );
    d.runUntil(1_000);
    expect(d.events.filter((e) => e.reason === 'Started').map((e) => e.message)).toEqual(['Started container proxy']);
    d.runUntil(10_000);
    expect(d.events.filter((e) => e.reason === 'Started').map((e) => e.message)).toEqual(['Started container proxy', 'Started container migrate', 'Started container app']);
    const proxyStart = d.events.find((e) => e.message === 'Started container proxy')!.t;
    const migrateStart = d.events.find((e) => e.message === 'Started container migrate')!.t;
    expect(migrateStart).toBeGreaterThan(proxyStart);
  });
});

describe('sidecars in a run-to-completion pod', () => {
  it('stops the sidecar once the main container has finished and the pod Succeeds', () => {
    const { driver: d } = setupKubelet({ preloadedImages: ['busybox:1.36'] });
    d.put(
      testPod('job', {
        restartPolicy: 'Never',
        initContainers: [{ name: 'proxy', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'] }],
        containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'echo work; sleep 2'] }],
      }),
    );
    d.runUntil(60_000);
    const st = d.pod('job')!.status;
    expect(st.phase).toBe('Succeeded');
    expect(st.initContainerStatuses[0].restartCount).toBe(0);
    expect(st.initContainerStatuses[0].state.terminated).toBeDefined();
    expect(d.events.filter((e) => e.reason === 'Killing').map((e) => e.message)).toEqual(['Stopping container proxy']);
  });
});

describe('access logs of probe requests', () => {
  it('shows nginx logging each kube-probe request from the node bridge address', () => {
    const { driver: d, kubelet } = setupKubelet({ preloadedImages: ['nginx:1.27'] });
    d.put(testPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 } }] }));
    d.runUntil(25_000);
    const logs = kubelet.containerLogs('default', 'web', 'nginx', d.now, d.listers()) as string[];
    const access = logs.filter((l) => l.includes('kube-probe'));
    expect(access.length).toBe(3);
    expect(access[1]).toBe('10.244.1.1 - - [01/Jan/2026:00:00:10 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.34" "-"');
    expect(logs.indexOf(access[0])).toBeGreaterThan(logs.findIndex((l) => l.includes('start worker processes')));
  });
});
