// One sentence per watch event, for the narration line teachers read out: who wrote what, and
// why, in the words of the component. Returns an i18n key with parameters.
import type { WatchEvent } from '../engine';

export interface Narration {
  key: string;
  params: Record<string, string>;
}

const COMPONENT_KEYS: Record<string, string> = {
  kubectl: 'narrate.who.kubectl',
  kubeadm: 'narrate.who.kubeadm',
  'kube-apiserver': 'narrate.who.apiserver',
  'default-scheduler': 'narrate.who.scheduler',
};

export function narrate(e: WatchEvent): Narration {
  const [component, node] = e.component.split('/');
  const obj = e.namespace ? `${e.namespace}/${e.name}` : e.name;
  const base = { who: e.component, kind: e.kind, name: obj, reason: e.reason, node: node ?? '' };
  if (e.kind === 'Event') {
    const ev = e.object as { reason?: string; message?: string; involvedObject?: { kind?: string; namespace?: string; name?: string } };
    const inv = ev.involvedObject ?? {};
    return { key: 'narrate.event', params: { ...base, reason: ev.reason ?? '', message: ev.message ?? '', object: `${inv.kind ?? ''} ${inv.namespace ? `${inv.namespace}/` : ''}${inv.name ?? ''}` } };
  }
  if (e.kind === 'Pod' && e.reason === 'Scheduled') return { key: 'narrate.bound', params: { ...base, node: e.object.spec?.nodeName ?? '' } };
  if (e.kind === 'Pod' && component === 'kubelet' && e.type === 'MODIFIED') {
    const phase = e.object.status?.phase ?? '';
    const ready = (e.object.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
    return { key: 'narrate.kubeletStatus', params: { ...base, state: e.object.metadata.deletionTimestamp ? 'Terminating' : ready ? `${phase}, Ready` : phase } };
  }
  if (e.kind === 'Pod' && e.type === 'DELETED') return { key: 'narrate.deleted', params: base };
  if (e.type === 'ADDED') return { key: COMPONENT_KEYS[component] ? 'narrate.createdBy' : 'narrate.created', params: { ...base, who: e.component } };
  if (e.type === 'DELETED') return { key: 'narrate.deleted', params: base };
  return { key: 'narrate.updated', params: base };
}
