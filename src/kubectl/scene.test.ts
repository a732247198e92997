// Read commands against the running default scene. The engine's controllers, scheduler and
// kubelet are still being integrated, so these assertions hold whatever state pods are in:
// structure and headers as kubectl prints them, objects the bootstrap always creates.
import { describe, expect, it } from 'vitest';
import { simScene } from './testing/sim';

describe('kubectl on the default scene', () => {
  const s = simScene();

  it('lists the system pods and services across namespaces', () => {
    const pods = s.kubectl('get pods -A');
    expect(pods.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(pods.stdout).toMatch(/^kube-system\s+kube-proxy-\w+\s+\d+\/1/m);
    expect(s.kubectl('get svc -A').stdout).toMatch(/^kube-system\s+kube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP/m);
  });

  it('describes every node with the sections kubectl prints', () => {
    const out = s.kubectl('describe nodes').stdout;
    for (const section of ['Name:', 'Roles:', 'Taints:', 'Conditions:', 'Addresses:', 'Capacity:', 'Allocatable:', 'System Info:', 'Non-terminated Pods:', 'Allocated resources:', 'Events:']) {
      expect(out.match(new RegExp(`^${section}`, 'gm'))?.length, section).toBe(3);
    }
  });

  it('describes the deployment the scene applies', () => {
    const out = s.kubectl('describe deploy web').stdout;
    expect(out).toMatch(/^Name:\s+web\nNamespace:\s+default\nCreationTimestamp:\s+Thu, 01 Jan 2026 00:00:00 \+0000\n/);
    expect(out).toContain('Pod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n');
  });

  it('routes pods on a node and prints the node\'s rules', () => {
    expect(s.kubectl('ssh node-1 ip route').stdout).toMatch(/^default via /);
    // With endpoints the DNS service gets a KUBE-SERVICES jump in nat; without, a REJECT in filter.
    const rules = s.kubectl('ssh node-1 iptables-save').stdout;
    expect(rules).toMatch(/^-A KUBE-\S+ -d 10\.96\.0\.10\/32 -p udp -m comment --comment "kube-system\/kube-dns:dns/m);
  });
});
