// TaintToleration (plugins/tainttoleration/taint_toleration.go): NoSchedule/NoExecute taints
// filter; untolerated PreferNoSchedule taints are counted and the count scored in reverse.
import { defaultNormalizeScore, MAX_NODE_SCORE, type Plugin, type StateData } from '../plugin-api';
import { doNotScheduleTaint, findUntoleratedTaint, tolerationsTolerateTaint } from '../node-selector';
import { unresolvable } from '../status';
import type { Toleration } from 'kubernetes-types/core/v1';

/** In v1.34 the reason no longer names the taint (upstream logs it at V(4)); we keep it in `detail`. */
export const TAINT_REASON = 'node(s) had untolerated taint(s)';

class PreScore implements StateData {
  constructor(readonly tolerations: Toleration[]) {}
  clone() {
    return this;
  }
}
const KEY = 'PreScoreTaintToleration';

export const taintToleration = (): Plugin => ({
  name: 'TaintToleration',
  filter(_s, pod, node) {
    const taint = findUntoleratedTaint(node.taints, pod.pod.spec?.tolerations, doNotScheduleTaint);
    if (!taint) return null;
    const st = unresolvable(TAINT_REASON);
    st.detail = `untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
    return st;
  },
  preScore(state, pod) {
    const tols = (pod.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    state.write(KEY, new PreScore(tols));
    return null;
  },
  score(state, _pod, node) {
    const tols = state.read<PreScore>(KEY)?.tolerations ?? [];
    let n = 0;
    for (const t of node.taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tols, t)) n++;
    return n;
  },
  normalizeScore(_s, _p, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  },
});
