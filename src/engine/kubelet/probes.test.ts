// Probe outcomes against simulated programs (pkg/probe/http/http.go: 200-399 succeed, others
// "HTTP probe failed with statuscode: N"; Go net dialer text for refused connections;
// pkg/probe/grpc/grpc.go timeout text) and the threshold bookkeeping of prober/worker.go doProbe.
import { describe, expect, it } from 'vitest';
import { simulateContainer } from '../images/simulate';
import { firstProbeTick, newProbeState, recordProbeResult, runProbe } from './probes';

const nginx = simulateContainer({ image: 'nginx:1.27' });
const spec = { name: 'web', ports: [{ name: 'http', containerPort: 80 }] };
const IP = '10.244.1.5';

describe('runProbe', () => {
  it.each([
    ['httpGet on the open port', { httpGet: { path: '/', port: 80 } }, { ok: true, output: '', http: { path: '/', status: 200, bytes: 615 } }],
    ['httpGet on a named port', { httpGet: { path: '/', port: 'http' } }, { ok: true, output: '', http: { path: '/', status: 200, bytes: 615 } }],
    ['httpGet on a path that 404s', { httpGet: { path: '/healthz', port: 80 } }, { ok: false, output: 'HTTP probe failed with statuscode: 404', http: { path: '/healthz', status: 404, bytes: 153 } }],
    ['httpGet on a closed port', { httpGet: { path: '/', port: 8080 } }, { ok: false, output: 'Get "http://10.244.1.5:8080/": dial tcp 10.244.1.5:8080: connect: connection refused' }],
    ['HTTPS against a plain HTTP server', { httpGet: { path: '/', port: 80, scheme: 'HTTPS' } }, { ok: false, output: 'Get "https://10.244.1.5:80/": http: server gave HTTP response to HTTPS client' }],
    ['tcpSocket on the open port', { tcpSocket: { port: 80 } }, { ok: true, output: '' }],
    ['tcpSocket on a closed port', { tcpSocket: { port: 6379 } }, { ok: false, output: 'dial tcp 10.244.1.5:6379: connect: connection refused' }],
    ['grpc where nothing speaks gRPC', { grpc: { port: 9000 } }, { ok: false, output: 'timeout: failed to connect service "10.244.1.5:9000" within 1s: context deadline exceeded' }],
    ['exec of a missing binary', { exec: { command: ['pg_isready'] } }, { ok: false, output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "pg_isready": executable file not found in $PATH: unknown' }],
  ])('%s', (_, probe, want) => {
    expect(runProbe(probe, spec, nginx, IP, 5_000)).toEqual(want);
  });

  it('succeeds on a gRPC health server', () => {
    const p = simulateContainer({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['grpc-health-checking'] });
    expect(runProbe({ grpc: { port: 5000 } }, {}, p, IP, 5_000).ok).toBe(true);
  });

  it('refuses connections before the server listens', () => {
    expect(runProbe({ tcpSocket: { port: 80 } }, spec, nginx, IP, 0).ok).toBe(false);
  });
});

describe('probe worker bookkeeping', () => {
  it('changes the result only after failureThreshold failures in a row', () => {
    const p = { failureThreshold: 3 };
    const s = newProbeState('liveness', 0, p);
    expect(s.result).toBe('success');
    expect(recordProbeResult(s, 'failure', p)).toBeUndefined();
    expect(recordProbeResult(s, 'failure', p)).toBeUndefined();
    expect(recordProbeResult(s, 'failure', p)).toBe('failure');
  });

  it('starts readiness as failure and needs successThreshold successes', () => {
    const p = { successThreshold: 2 };
    const s = newProbeState('readiness', 0, p);
    expect(s.result).toBe('failure');
    expect(recordProbeResult(s, 'success', p)).toBeUndefined();
    expect(recordProbeResult(s, 'success', p)).toBe('success');
  });

  it('ticks from the pod start every period and skips ticks before the initial delay', () => {
    // Pod added at 0, container started at 2.6 s, period 10 s, delay 15 s: 20 s is the first tick.
    expect(firstProbeTick(2_600, { periodSeconds: 10, initialDelaySeconds: 15 }, 0)).toBe(20_000);
    expect(firstProbeTick(2_600, { periodSeconds: 10 }, 0)).toBe(10_000);
    // A readiness run triggered by the status update after start.
    expect(firstProbeTick(2_600, { periodSeconds: 10 }, 0, 3_600)).toBe(3_600);
  });
});
