// Simulated images: command/args semantics from "Define a Command and Arguments for a Container"
// (command replaces ENTRYPOINT, args replace CMD); agnhost behaviour from
// test/images/agnhost (netexec, serve-hostname, liveness: /healthz 200 for 10 s then 500);
// the containerd/runc StartError text for a missing executable.
import { describe, expect, it } from 'vitest';
import { httpAnswerAt, listenerAt } from './answers';
import { imageProfile, lookupImage } from './catalogue';
import { fileExistsAt, programLogs, busyboxDate } from './logs';
import { pullOutcome, pullDurationMs } from './registry';
import { effectiveArgv, simulateContainer } from './simulate';

describe('catalogue lookup', () => {
  it('ignores registry and tag', () => {
    for (const ref of ['nginx', 'nginx:1.27', 'docker.io/library/nginx:1.27-alpine', 'mirror.gcr.io/library/nginx']) expect(lookupImage(ref)?.key).toBe('library/nginx');
    expect(lookupImage('registry.k8s.io/pause:3.10.1')?.key).toBe('pause');
    expect(lookupImage('registry.k8s.io/e2e-test-images/agnhost:2.53')?.key).toBe('e2e-test-images/agnhost');
    expect(lookupImage('registry.k8s.io/coredns/coredns:v1.12.1')?.key).toBe('coredns/coredns');
    expect(lookupImage('example.com/team/app:v1')).toBeUndefined();
  });
});

describe('simulateContainer', () => {
  it('uses command for ENTRYPOINT and args for CMD', () => {
    const p = imageProfile('nginx');
    expect(effectiveArgv(p)).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(effectiveArgv(p, undefined, ['nginx-debug'])).toEqual(['/docker-entrypoint.sh', 'nginx-debug']);
    expect(effectiveArgv(p, ['sleep'], ['10'])).toEqual(['sleep', '10']);
    expect(effectiveArgv(p, ['sleep'])).toEqual(['sleep']);
  });

  it('runs nginx as a server on port 80 answering / with the welcome page', () => {
    const p = simulateContainer({ image: 'nginx:1.27' });
    expect(p.timeline.exit).toBeUndefined();
    expect(listenerAt(p, 80, 'TCP', 0)).toBeUndefined();
    expect(httpAnswerAt(p, 80, '/', 1000)?.status).toBe(200);
    expect(httpAnswerAt(p, 80, '/', 1000)?.body).toContain('Welcome to nginx!');
    expect(httpAnswerAt(p, 80, '/nope', 1000)?.status).toBe(404);
    expect(httpAnswerAt(p, 8080, '/', 1000)).toBeUndefined();
  });

  it('prints nginx start-up lines with its own timestamp format', () => {
    const lines = programLogs(simulateContainer({ image: 'nginx' }), 61_000, 70_000);
    expect(lines[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(lines).toContain('2026/01/01 00:01:01 [notice] 1#1: start worker processes');
  });

  it('exits busybox at once without a command (sh reads EOF), so a Deployment of it crash-loops', () => {
    expect(simulateContainer({ image: 'busybox' }).timeline.exit).toEqual({ at: 0, code: 0 });
  });

  it('runs sh -c scripts and sleep/echo one-liners', () => {
    expect(simulateContainer({ image: 'busybox', command: ['sh', '-c', 'echo hi; sleep 3; exit 1'] }).timeline.exit).toEqual({ at: 3000, code: 1 });
    expect(simulateContainer({ image: 'busybox:1.36', command: ['sleep', '3600'] }).timeline.exit).toEqual({ at: 3_600_000, code: 0 });
    const loop = simulateContainer({ image: 'alpine', command: ['/bin/sh', '-c'], args: ['while true; do date; sleep 5; done'] });
    expect(programLogs(loop, 0, 12_000)).toEqual([busyboxDate(0), busyboxDate(5000), busyboxDate(10_000)]);
    expect(busyboxDate(5000)).toBe('Thu Jan  1 00:00:05 UTC 2026');
  });

  it('expands the pod hostname for serve-hostname and netexec', () => {
    const sh = simulateContainer({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['serve-hostname'], hostname: 'web-0' });
    expect(httpAnswerAt(sh, 9376, '/', 1000)?.body).toBe('web-0');
    const ne = simulateContainer({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['netexec', '--http-port=8080'], hostname: 'web-1' });
    expect(httpAnswerAt(ne, 8080, '/hostname', 10)?.body).toBe('web-1');
    expect(listenerAt(ne, 8081, 'UDP', 10)).toBeDefined();
  });

  it('agnhost liveness answers /healthz 200 for 10 s, then 500', () => {
    const p = simulateContainer({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'] });
    expect(httpAnswerAt(p, 8080, '/healthz', 9_000)?.status).toBe(200);
    expect(httpAnswerAt(p, 8080, '/healthz', 11_000)?.status).toBe(500);
  });

  it('sizes stress --vm-bytes allocations for the OOM check', () => {
    const p = simulateContainer({ image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'] });
    expect(p.memoryBytes).toBeGreaterThan(250 * 1024 * 1024);
    expect(p.timeline.exit).toBeUndefined();
  });

  it('fails to start a command the image does not have (StartError text from runc)', () => {
    const p = simulateContainer({ image: 'nginx', command: ['ngnix'] });
    expect(p.startError).toBe(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "ngnix": executable file not found in $PATH: unknown',
    );
  });

  it('lets an unknown image run forever and listen on its declared ports', () => {
    const p = simulateContainer({ image: 'example.com/app:v1', containerPorts: [{ containerPort: 8080 }] });
    expect(p.known).toBe(false);
    expect(p.timeline.exit).toBeUndefined();
    expect(httpAnswerAt(p, 8080, '/', 1000)?.status).toBe(200);
  });

  it('knows when a file exists for `cat` exec probes (the liveness-exec example)', () => {
    const p = simulateContainer({ image: 'busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] });
    expect(fileExistsAt(p, '/tmp/healthy', 10_000)).toBe(true);
    expect(fileExistsAt(p, '/tmp/healthy', 31_000)).toBe(false);
  });
});

describe('registry', () => {
  it('fails a :doesnotexist tag with containerd 2 "not found" wording', () => {
    expect(pullOutcome('nginx:doesnotexist')).toEqual({
      ok: false,
      error:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve image: docker.io/library/nginx:doesnotexist: not found',
    });
  });
  it('pulls known images with their size and a digest that is the same everywhere', () => {
    const a = pullOutcome('nginx:1.27');
    const b = pullOutcome('docker.io/library/nginx:1.27');
    expect(a.ok && b.ok && a.imageID === b.imageID).toBe(true);
    expect(a.ok && a.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(a.ok && a.sizeBytes).toBe(imageProfile('nginx').sizeBytes);
  });
  it('takes longer to pull bigger images', () => {
    expect(pullDurationMs(72_000_000)).toBeGreaterThan(pullDurationMs(2_000_000));
  });
});
