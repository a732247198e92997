import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulation } from '../engine/core/simulation';
it('explore', () => {
  const f = (n: string) => ({ name: n, text: readFileSync(new URL('./fixtures/' + n, import.meta.url), 'utf8') });
  const sim = Simulation.load([f('failing-job.yaml'), f('crashloop-pod.yaml')], { seed: 1 });
  const r = sim.run({ until: 200_000 });
  console.log(r);
  for (const e of sim.events().filter(e=>e.namespace==='default' && e.t > 50)) console.log(e.t, e.type, e.kind, e.name, e.component, e.reason, e.kind==='Event' ? (e.object as any).message : e.kind==='Pod' ? e.object.spec.nodeName+' '+e.object.status?.phase + ' ' + JSON.stringify(e.object.status?.containerStatuses?.[0]?.state) + ' rc=' + e.object.status?.containerStatuses?.[0]?.restartCount : e.kind==='Job' ? JSON.stringify(e.object.status) : '');
});
