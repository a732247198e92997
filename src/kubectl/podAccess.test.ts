// kubectl logs and exec against hand-built running pods: logs come from the simulated image
// programs (engine/images), nslookup from the pod's resolv.conf and the cluster DNS records
// (engine/network/dns), in busybox nslookup's layout for a busybox image.
import { describe, expect, it } from 'vitest';
import { runKubectl } from './index';
import { ctxOf, makePod, webApp } from './testing/builders';

const busybox = () =>
  makePod('bb', { phase: 'Running', node: 'node-1', ip: '10.244.1.9', containers: [{ name: 'bb', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do date; sleep 10; done'] }] });
const run = (line: string, time = 60_000) => runKubectl(line, ctxOf([...webApp(), busybox()], time));

describe('kubectl logs', () => {
  it('prints what the container program printed since it started, --tail keeping the last lines', () => {
    // The loop prints `date` every 10 s from 00:00:05 (startedAt) until now (00:01:00).
    expect(run('logs bb').stdout.trimEnd().split('\n')).toHaveLength(6);
    expect(run('logs bb --tail=2').stdout).toBe('Thu Jan  1 00:00:45 UTC 2026\nThu Jan  1 00:00:55 UTC 2026\n');
  });

  it('picks one pod of a deployment and says which', () => {
    const r = run('logs deploy/web');
    expect(r.stderr).toBe('Found 3 pods, using pod/web-7d4b9c8f5-a1b2c\n');
    expect(r.stdout).toContain('nginx/1.27');
  });

  it('refuses logs of a container that has not started, with the API server\'s BadRequest', () => {
    expect(run('logs web-7d4b9c8f5-g5h6i').stderr).toBe('Error from server (BadRequest): container "nginx" in pod "web-7d4b9c8f5-g5h6i" is waiting to start: ContainerCreating\n');
    expect(run('logs bb -p').stderr).toBe('Error from server (BadRequest): previous terminated container "bb" in pod "bb" not found\n');
  });
});

describe('kubectl exec', () => {
  it('answers nslookup through the search list with the cluster DNS', () => {
    const r = run('exec bb -- nslookup web');
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n');
    expect(r.exitCode).toBe(0);
    expect(run('exec bb -- nslookup web.default.svc.cluster.local').stdout).toContain('Address: 10.96.12.34\n');
  });

  it('prints the pod\'s resolv.conf as kubelet writes it for ClusterFirst', () => {
    expect(run('exec bb -- cat /etc/resolv.conf').stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('fails like the runtime when the image has no such program', () => {
    const r = run('exec web-7d4b9c8f5-a1b2c -- nslookup web');
    expect(r.exitCode).toBe(126);
    expect(r.stderr).toContain('exec: "nslookup": executable file not found in $PATH');
  });

  it('requires -- before the command, as kubectl does since v1.22', () => {
    expect(run('exec bb nslookup web').stderr).toMatch(/^error: exec \[POD\] \[COMMAND\] is not supported anymore/);
  });

  it('says plainly that curl is not simulated yet', () => {
    expect(run('exec bb -- wget -qO- web').stderr).toMatch(/not simulated yet/);
  });
});
