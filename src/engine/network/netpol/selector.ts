// metav1.LabelSelector matching as apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector
// builds it: matchLabels and every matchExpression must hold (AND); an empty selector matches
// everything; a null selector (absent) is handled by the caller because its meaning depends on
// the field (NetworkPolicyPeer: absent podSelector = all pods of the selected namespaces).
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Labels = Record<string, string> | undefined;

export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (l[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(l[e.key])) return false;
        break;
      case 'NotIn':
        // NotIn also matches objects without the key (labels.Selector semantics).
        if (has && values.includes(l[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Renders a selector the way kubectl describe does ("app=web,tier in (db)"); "<none>" if empty. */
export function selectorString(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    parts.push(`${k}=${v}`);
  }
  for (const e of selector.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none> (all)';
}
