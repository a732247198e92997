import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
it('explore', async () => {
  const cluster = readFileSync(new URL('./fixtures/zoned-cluster.yaml', import.meta.url), 'utf8');
  const sim = Simulation.load(cluster + `---
apiVersion: v1
kind: Pod
metadata: {name: ssd}
spec:
  nodeSelector: {disktype: ssd}
  containers: [{name: app, image: nginx:1.27}]
---
apiVersion: v1
kind: Pod
metadata: {name: pref}
spec:
  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 80
          preference: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [zone-b]}]}
  containers: [{name: app, image: nginx:1.27}]
`, { seed: 1 });
  sim.run({ until: 30_000 });
  console.log(sim.diagnostics);
  for (const n of sim.snapshot().objects.Node!) console.log(n.metadata.name, JSON.stringify(n.metadata.labels), JSON.stringify(n.status.allocatable));
  for (const a of sim.activities().filter(a=>a.type==='ScheduleAttempt' && (a.detail as any).pod.startsWith('default/'))) console.log(JSON.stringify((a.detail as any).record, null, 0));
});
