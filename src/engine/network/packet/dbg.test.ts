import { it } from 'vitest';
import { Rng } from '/work/main/src/engine/core/rng';
import { tracePath } from '/work/main/src/engine/network/packet';
import { webScenario } from '/work/main/src/engine/network/packet/testCluster';
it('dbg', () => {
  const { net } = webScenario();
  for (const [from, to] of [['default/client', '10.96.0.20:80'], ['203.0.113.7', '192.168.10.11:80']]) {
    const t = tracePath({ from, to }, net, new Rng(3));
    console.log(t.outcome, t.reason, t.notes);
    for (const h of t.hops) console.log(h.direction.padEnd(8), h.node.padEnd(8), h.netns.padEnd(15), h.device.padEnd(12), h.kind.padEnd(9), h.text, h.note ? ' // ' + h.note : '', JSON.stringify(h.packet));
  }
});
