// The causal chain of one request, told as numbered steps: `kubectl apply` of a Deployment ->
// kubectl sends it to kube-apiserver -> it is stored in etcd -> deployment-controller creates a
// ReplicaSet -> replicaset-controller creates Pods -> default-scheduler binds them -> each kubelet
// starts its Pods and reports them Running/Ready -> endpointslice-controller puts them in the
// Service's EndpointSlice -> kube-proxy rewrites its rules -> the controllers record progress in
// status. Derived from the event log only: owner references link Pods -> ReplicaSet ->
// Deployment, Event objects (SuccessfulCreate, Scheduled, Pulled, Started) are filed under the
// step of the component that emitted them, and an EndpointSlice joins the chain once it lists
// one of the chain's Pods (pkg/controller/endpointslice reconciler.go sets targetRef to the Pod).
// Writes are grouped by (component, kind, verb); `kubelet/<node>` of every node form one step.
import { kindInfo, type Activity, type KubeObject, type WatchEvent } from '../engine';
import type { I18nText } from './graph';
import { CONTROLLER_WATCHES, etcdKey } from './controlPlaneWatches';
import { componentLinkId } from './controlPlaneGraph';

export type StepAction = 'request' | 'persist' | 'create' | 'scale' | 'update' | 'delete' | 'bind' | 'start' | 'ready' | 'stop' | 'slice' | 'proxy' | 'status';

export interface CausalStep {
  /** 1-based position in the story. */
  n: number;
  action: StepAction;
  /** Writers exactly as the engine names them (`replicaset-controller`, `kubelet/node-1`). */
  components: string[];
  /** The process a controller runs in (`kube-controller-manager`). */
  process?: string;
  /** The kind whose watch events made the component act. */
  watched?: string;
  /** The kind written. */
  kind: string;
  /** Distinct objects written, in the order first written. */
  names: string[];
  /** Reasons of the writes and of the Events filed under this step, in order, without repeats. */
  reasons: string[];
  /** Indices of the watch events that make up the step, ascending. */
  events: number[];
  first: number;
  last: number;
  /** Control plane graph edges that carry the step's messages. */
  edges: string[];
  /** True when the step writes nothing itself and is placed at the writes it reacts to. */
  inferred?: boolean;
  text: I18nText;
}

export interface CausalStory {
  /** `Kind/namespace/name` of the object the request was about; undefined when nothing was requested yet. */
  root?: string;
  /** Index of the request that starts the story. */
  trigger?: number;
  steps: CausalStep[];
  /** Where the simulation simplifies what these steps show. */
  notes: I18nText[];
}

export interface CausalOptions {
  /** `Kind/namespace/name` (or `Kind/name`) of the object to follow. Default: the last workload kubectl wrote. */
  root?: string;
  /** The timeline cursor: the story of the request at or before it (else the first one after it). Default: the last event. */
  cursor?: number;
  /** The activity log (Simulation.activities()): places kube-proxy's rule syncs exactly. */
  activities?: readonly Activity[];
  /** Node names, for the kube-proxy instances when there is no activity log. */
  nodes?: readonly string[];
}

/** Kinds a request starts a chain of owned objects from, in the order preferred as a default root. */
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet', 'ReplicationController', 'Pod']);
/** Whether a `Kind/namespace/name` ref is an object the step list can follow (a workload). */
export function isStoryRoot(ref: string): boolean {
  return WORKLOAD_KINDS.has(ref.split('/')[0]);
}

const CLIENTS = new Set(['kubectl', 'kubeadm']);
const SCHEDULERS = new Set(['default-scheduler', 'kube-scheduler', 'scheduler']);

/** Order of the steps in the story: the causal order, not the order of their first events. */
const RANK: Record<StepAction, number> = { request: 0, persist: 1, create: 10, scale: 10, update: 10, delete: 10, bind: 30, start: 40, ready: 41, stop: 42, slice: 50, proxy: 51, status: 60 };

const keyOfParts = (kind: string, ns: string, name: string) => (ns ? `${kind}/${ns}/${name}` : `${kind}/${name}`);
const keyOfEvent = (e: WatchEvent) => keyOfParts(e.kind, e.namespace, e.name);

type DraftInit = Pick<Draft, 'action' | 'depth' | 'kind'> & Partial<Pick<Draft, 'service' | 'inferred'>>;

interface Draft {
  key: string;
  action: StepAction;
  depth: number;
  components: string[];
  kind: string;
  names: string[];
  /** The same names, for constant-time membership (a step may write thousands of Pods). */
  nameSet: Set<string>;
  reasons: string[];
  events: number[];
  /** Pod -> node (bind steps). */
  nodes: Map<string, string>;
  service?: string;
  inferred?: boolean;
}

function addUnique<T>(list: T[], v: T) {
  if (!list.includes(v)) list.push(v);
}

function isReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

/** The request a story starts from: index into `events`, or -1. */
function findTrigger(events: readonly WatchEvent[], cursor: number, root?: string): number {
  // By default only the user's own requests (kubectl) start a story; a chosen root may also be
  // one kubeadm installed (coredns) or any object, from its creation.
  const isRequest = (e: WatchEvent) => (root ? CLIENTS.has(e.component) : e.component === 'kubectl') && e.kind !== 'Event';
  let before = -1;
  let after = -1;
  let fallbackBefore = -1;
  let fallbackAfter = -1;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const match = root ? keyOfEvent(e) === root && (isRequest(e) || e.type === 'ADDED') : isRequest(e);
    if (!match) continue;
    const preferred = root ? isRequest(e) : WORKLOAD_KINDS.has(e.kind);
    if (e.index <= cursor) {
      if (preferred) before = i;
      else fallbackBefore = i;
    } else {
      if (preferred && after < 0) after = i;
      if (fallbackAfter < 0) fallbackAfter = i;
    }
  }
  return before >= 0 ? before : fallbackBefore >= 0 ? fallbackBefore : after >= 0 ? after : fallbackAfter;
}

/** The object as written last before event `i` (an object of the chain created before the request). */
function lastBefore(events: readonly WatchEvent[], i: number, id: string): KubeObject | undefined {
  for (let j = i - 1; j >= 0; j--) if (events[j].kind !== 'Event' && idOf(events[j]) === id) return events[j].object;
  return undefined;
}

/** An object's identity in the chain: its uid (the kind/namespace/name key when it has none). */
const idOf = (e: WatchEvent): string => e.object.metadata.uid ?? keyOfEvent(e);

function ownerIds(obj: KubeObject, ns: string): string[] {
  return (obj.metadata.ownerReferences ?? []).map((r: { uid?: string; kind: string; name: string }) => r.uid ?? keyOfParts(r.kind, ns, r.name));
}

function slicePods(obj: KubeObject): string[] {
  const eps = (obj as { endpoints?: { targetRef?: { uid?: string; kind?: string; namespace?: string; name?: string } }[] }).endpoints ?? [];
  return eps.filter((ep) => ep.targetRef?.kind === 'Pod').map((ep) => ep.targetRef!.uid ?? keyOfParts('Pod', ep.targetRef!.namespace ?? obj.metadata.namespace ?? '', ep.targetRef!.name ?? ''));
}

/**
 * The scan of the log from a request on, resumable: playback adds one event at a time, and the
 * next call continues where the last one stopped instead of reading the whole log again.
 */
interface Scan {
  trigger: WatchEvent;
  root?: string;
  /** Index in the log of the next event to read, and the event before it (to check the log is the same). */
  next: number;
  last?: WatchEvent;
  /** A new request about the chain was reached: the story is complete. */
  done: boolean;
  drafts: Map<string, Draft>;
  kindAtDepth: Map<number, string>;
  advance: (events: readonly WatchEvent[]) => void;
}

function createScan(events: readonly WatchEvent[], at: number, rootOpt: string | undefined): Scan {
  const trigger = events[at];
  // Objects are followed by uid (owner references, involvedObject and targetRef carry it): no
  // key strings to build per event, and a recreated object of the same name is another object.
  const depth = new Map<string, number>([[idOf(trigger), 0]]);
  const kindAtDepth = new Map<number, string>([[0, trigger.kind]]);
  const slices = new Set<string>();
  const previous = new Map<string, KubeObject>();
  const maxDepthBy = new Map<string, number>();
  const drafts = new Map<string, Draft>();
  /** Each component's last step: its Events are filed there unless it wrote the Event's object. */
  const lastDraftOf = new Map<string, Draft>();
  /**
   * The step an object was last written in, and by whom: an Event is filed under the step in
   * which its component last wrote the involved object (kubelet's Pulled under the start of
   * that Pod).
   */
  const lastWriteOf = new Map<string, { component: string; d: Draft }>();
  /** Each component's last step other than status, and when: status written in the same sync joins it. */
  const lastWorkOf = new Map<string, { d: Draft; t: number }>();
  const pendingEvents = new Map<string, WatchEvent[]>();

  const draft = (key: string, init: DraftInit): Draft => {
    let d = drafts.get(key);
    if (!d) drafts.set(key, (d = newDraft(key, init)));
    return d;
  };
  const fileEvent = (d: Draft, e: WatchEvent) => {
    const reason = (e.object as { reason?: string }).reason;
    if (reason) addUnique(d.reasons, reason);
    d.events.push(e.index);
  };
  const file = (d: Draft, e: WatchEvent, id: string) => {
    addUnique(d.components, e.component);
    if (!d.nameSet.has(e.name)) {
      d.nameSet.add(e.name);
      d.names.push(e.name);
    }
    if (e.reason) addUnique(d.reasons, e.reason);
    d.events.push(e.index);
    lastDraftOf.set(e.component, d);
    lastWriteOf.set(id, { component: e.component, d });
    if (pendingEvents.size > 0) {
      for (const ev of pendingEvents.get(e.component) ?? []) fileEvent(d, ev);
      pendingEvents.delete(e.component);
    }
  };

  const request = draft('request', { action: 'request', depth: 0, kind: trigger.kind });
  file(request, trigger, idOf(trigger));
  const persist = draft('persist', { action: 'persist', depth: 0, kind: trigger.kind });
  persist.components.push('kube-apiserver');
  persist.names.push(trigger.name);
  persist.nameSet.add(trigger.name);
  persist.events.push(trigger.index);
  previous.set(idOf(trigger), trigger.object);

  const advance = (events: readonly WatchEvent[]) => {
    for (; !scan.done && scan.next < events.length; scan.next++) {
      const i = scan.next;
      const e = events[i];
      if (e.kind === 'Event') {
        const inv = (e.object as { involvedObject?: { uid?: string; kind?: string; namespace?: string; name?: string } }).involvedObject ?? {};
        const involved = inv.uid ?? keyOfParts(inv.kind ?? '', inv.namespace ?? '', inv.name ?? '');
        if (!depth.has(involved)) continue;
        const w = lastWriteOf.get(involved);
        const d = w && w.component === e.component ? w.d : lastDraftOf.get(e.component);
        if (d) fileEvent(d, e);
        else (pendingEvents.get(e.component) ?? pendingEvents.set(e.component, []).get(e.component)!).push(e);
        continue;
      }
      const id = idOf(e);
      let d: number | undefined = depth.get(id);
      // A new request about an object of the chain starts the next story.
      if (d !== undefined && CLIENTS.has(e.component)) {
        scan.done = true;
        break;
      }
      if (d === undefined) {
        const owner = ownerIds(e.object, e.namespace).find((k) => depth.has(k));
        if (owner !== undefined) {
          d = depth.get(owner)! + 1;
          depth.set(id, d);
          if (!kindAtDepth.has(d)) kindAtDepth.set(d, e.kind);
        }
      }
      if (d === undefined) {
        if (e.kind === 'EndpointSlice' && (slices.has(id) || slicePods(e.object).some((p) => depth.has(p)))) {
          slices.add(id);
          const service = e.object.metadata.labels?.['kubernetes.io/service-name'] ?? '';
          file(draft(`slice|${e.component}|${e.namespace}/${service}`, { action: 'slice', depth: 0, kind: e.kind, service }), e, id);
        }
        continue;
      }

      const onNode = e.component.startsWith('kubelet/');
      let action: StepAction;
      if (e.kind === 'Pod' && e.reason === 'Scheduled' && SCHEDULERS.has(e.component)) action = 'bind';
      else if (onNode && e.kind === 'Pod' && e.type !== 'ADDED') {
        const o = e.object;
        const phase = o.status?.phase;
        action = e.type === 'DELETED' || o.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed' ? 'stop' : isReady(o) ? 'ready' : 'start';
      } else if (e.type === 'ADDED') action = 'create';
      else if (e.type === 'DELETED') action = 'delete';
      else if (d < (maxDepthBy.get(e.component) ?? -1)) action = 'status';
      else {
        const before = previous.get(id) ?? lastBefore(events, i, id);
        action = before && before.spec?.replicas !== e.object.spec?.replicas ? 'scale' : 'update';
      }
      if (d > (maxDepthBy.get(e.component) ?? -1)) maxDepthBy.set(e.component, d);
      if (e.type === 'DELETED') previous.delete(id);
      else previous.set(id, e.object);

      const work = lastWorkOf.get(e.component);
      if (action === 'status' && work && work.t === e.t) {
        // Progress recorded in the sync that did the work (deployment-controller's revision and
        // status after creating the ReplicaSet) belongs to that step, not to a later one.
        if (e.reason) addUnique(work.d.reasons, e.reason);
        work.d.events.push(e.index);
        lastWriteOf.set(id, { component: e.component, d: work.d });
        continue;
      }
      // Node agents of every node make one step; everyone else one step per component.
      const step = draft(`${action}|${onNode ? 'kubelet' : e.component}|${e.kind}`, { action, depth: d, kind: e.kind });
      if (action !== 'status') lastWorkOf.set(e.component, { d: step, t: e.t });
      if (action === 'bind' && e.object.spec?.nodeName) step.nodes.set(e.name, e.object.spec.nodeName);
      file(step, e, id);
    }
    scan.last = events[scan.next - 1];
  };

  const scan: Scan = { trigger, root: rootOpt, next: at + 1, done: false, drafts, kindAtDepth, advance };
  return scan;
}

/** The last scan, continued by the next call when the log it read is a prefix of the new one. */
let lastScan: Scan | undefined;

function scanFor(events: readonly WatchEvent[], at: number, rootOpt: string | undefined): Scan {
  const s = lastScan;
  const reusable = s && s.trigger === events[at] && s.root === rootOpt && s.next <= events.length && (s.last === undefined || events[s.next - 1] === s.last);
  const scan = reusable ? s : createScan(events, at, rootOpt);
  scan.advance(events);
  lastScan = scan;
  return scan;
}

export function causalSteps(events: readonly WatchEvent[], opts: CausalOptions = {}): CausalStory {
  const cursor = opts.cursor ?? (events.length ? events[events.length - 1].index : -1);
  const at = findTrigger(events, cursor, opts.root);
  if (at < 0) return { steps: [], notes: [] };
  const trigger = events[at];
  const root = keyOfEvent(trigger);

  const scan = scanFor(events, at, opts.root);
  const { drafts, kindAtDepth } = scan;
  const proxy = proxyStep(
    [...drafts.values()].filter((x) => x.action === 'slice'),
    opts,
    events,
  );

  const ordered = [...drafts.values(), ...(proxy ? [proxy] : [])]
    .filter((x) => x.events.length > 0)
    .map((x) => ({ x, rank: RANK[x.action] + (x.action === 'status' ? 10 - Math.min(x.depth, 10) : ['create', 'scale', 'update', 'delete'].includes(x.action) ? Math.min(x.depth, 19) : 0) }))
    .sort((a, b) => a.rank - b.rank || firstOf(a.x) - firstOf(b.x));
  const steps = ordered.map(({ x }, i) => toStep(x, i + 1, trigger, kindAtDepth));
  return { root, trigger: trigger.index, steps, notes: notesFor(steps) };
}

const firstOf = (d: Draft) => d.events.reduce((m, i) => (i < m ? i : m), Infinity);

function newDraft(key: string, init: DraftInit): Draft {
  return { key, components: [], names: [], nameSet: new Set(), reasons: [], events: [], nodes: new Map(), ...init };
}

/** kube-proxy's step: it writes nothing to the API, so it is found from its syncs (or the slice writes). */
function proxyStep(sliceSteps: Draft[], opts: CausalOptions, events: readonly WatchEvent[]): Draft | undefined {
  const sliceEvents = sliceSteps.flatMap((s) => s.events).sort((a, b) => a - b);
  if (sliceEvents.length === 0) return undefined;
  const lastIndex = events.length ? events[events.length - 1].index : -1;
  if (opts.activities) {
    // The first sync of each kube-proxy after an EndpointSlice write is the one that applies it:
    // a sync is picked when a slice write falls between the previous sync and it.
    const picked: Activity[] = [];
    const previousSync = new Map<string, number>();
    for (const a of opts.activities) {
      if (a.type !== 'ProxySync' || a.afterEvent - 1 > lastIndex) continue;
      const since = previousSync.get(a.component) ?? 0;
      previousSync.set(a.component, a.afterEvent);
      const j = lowerBound(sliceEvents, since);
      if (j < sliceEvents.length && sliceEvents[j] < a.afterEvent) picked.push(a);
    }
    if (picked.length === 0) return undefined;
    const step = newDraft('proxy', { action: 'proxy', depth: 0, kind: 'EndpointSlice' });
    step.components.push(...new Set(picked.map((a) => a.component)));
    step.events.push(...new Set(picked.map((a) => a.afterEvent - 1)));
    step.reasons.push('ProxySync');
    return step;
  }
  // Without the activity log, kube-proxy is shown where it receives the EndpointSlice writes.
  const step = newDraft('proxy', { action: 'proxy', depth: 0, kind: 'EndpointSlice', inferred: true });
  step.components.push(...(opts.nodes?.length ? opts.nodes.map((n) => `kube-proxy/${n}`) : ['kube-proxy']));
  step.events.push(...sliceEvents);
  return step;
}

/** First index in ascending `list` whose value is >= v. */
function lowerBound(list: readonly number[], v: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const collator = new Intl.Collator('en', { numeric: true });
const byName = (a: string, b: string) => collator.compare(a, b);

const STATUS_FROM: Record<string, string> = {
  Deployment: 'ReplicaSet',
  CronJob: 'Job',
  ReplicaSet: 'Pod',
  ReplicationController: 'Pod',
  StatefulSet: 'Pod',
  DaemonSet: 'Pod',
  Job: 'Pod',
};

function who(components: string[]): string {
  return components.length <= 3 ? components.join(', ') : `${components.slice(0, 2).join(', ')} +${components.length - 2}`;
}

const pluralKind = (kind: string) => (/(s|x|ch|sh)$/.test(kind) ? (kind === 'Endpoints' ? kind : `${kind}es`) : /[^aeiou]y$/.test(kind) ? `${kind.slice(0, -1)}ies` : `${kind}s`);

function toStep(x: Draft, n: number, trigger: WatchEvent, kindAtDepth: Map<number, string>): CausalStep {
  const events = [...new Set(x.events)].sort((a, b) => a - b);
  // Node agents read best in node order (kubelet/node-1, kubelet/node-2, ... kubelet/node-10).
  const components = x.action === 'start' || x.action === 'ready' || x.action === 'stop' || x.action === 'proxy' ? [...x.components].sort(byName) : [...x.components];
  const count = x.names.length;
  const base = { component: who(components), kind: x.kind, kinds: count === 1 ? x.kind : pluralKind(x.kind), count, name: x.names[0] ?? '' };
  // One object or many: chosen here, not by i18next plurals, since Chinese has one plural form
  // and the sentence about one object names it.
  const many = count === 1 ? '' : 'Many';
  let watched: string | undefined;
  let text: I18nText;
  switch (x.action) {
    case 'request':
      text = { key: 'steps.request', values: { ...base, verb: trigger.type === 'ADDED' ? 'create' : trigger.type === 'DELETED' ? 'delete' : 'update' } };
      break;
    case 'persist':
      text = { key: 'steps.persist', values: { ...base, etcdKey: etcdKey(trigger.kind, kindInfo(trigger.kind)?.plural, trigger.namespace, trigger.name), type: trigger.type } };
      break;
    case 'create':
    case 'delete':
    case 'scale':
    case 'update':
      watched = kindAtDepth.get(x.depth - 1);
      text = { key: `steps.${x.action}${watched ? '' : 'Self'}${many}`, values: { ...base, watched: watched ?? '' } };
      break;
    case 'bind': {
      watched = 'Pod';
      const perNode = new Map<string, number>();
      for (const node of x.nodes.values()) perNode.set(node, (perNode.get(node) ?? 0) + 1);
      const nodes = [...perNode]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([node, c]) => (c > 1 ? `${node} ×${c}` : node))
        .join(', ');
      text = { key: `steps.bind${many}`, values: { ...base, nodes } };
      break;
    }
    case 'start':
    case 'ready':
    case 'stop':
      watched = 'Pod';
      text = { key: `steps.${x.action}${many}`, values: base };
      break;
    case 'slice':
      watched = 'Pod';
      text = { key: `steps.slice${many}`, values: { ...base, service: x.service ?? '' } };
      break;
    case 'proxy':
      watched = 'EndpointSlice';
      text = { key: 'steps.proxy', values: { ...base, count: components.length } };
      break;
    case 'status':
      // A workload's status counts what it owns: a Deployment its ReplicaSets, a CronJob its
      // Jobs, the others their Pods (a StatefulSet's ControllerRevisions are not what it counts).
      watched = STATUS_FROM[x.kind] ?? kindAtDepth.get(x.depth + 1);
      text = { key: 'steps.status', values: { ...base, watched: watched ?? x.kind } };
      break;
  }
  const edges = x.action === 'persist' ? ['etcd'] : [...new Set(components.map(componentLinkId).filter((id): id is string => id !== null))];
  const process = x.components.every((c) => c in CONTROLLER_WATCHES) ? 'kube-controller-manager' : undefined;
  return {
    n,
    action: x.action,
    components,
    ...(process ? { process } : {}),
    ...(watched ? { watched } : {}),
    kind: x.kind,
    // Copies: the scan goes on appending to its drafts when the timeline moves on.
    names: [...x.names],
    reasons: [...x.reasons],
    events,
    first: events[0],
    last: events[events.length - 1],
    edges,
    ...(x.inferred ? { inferred: true } : {}),
    text,
  };
}

function notesFor(steps: CausalStep[]): I18nText[] {
  const notes: I18nText[] = [{ key: 'steps.note.etcd' }, { key: 'steps.note.informers' }];
  if (steps.some((s) => s.action === 'start')) notes.push({ key: 'steps.note.kubelet' });
  if (steps.some((s) => s.action === 'proxy' && s.inferred)) notes.push({ key: 'steps.note.proxyInferred' });
  if (steps.some((s) => s.action === 'slice')) notes.push({ key: 'steps.note.endpoints' });
  return notes;
}

/** Steps the timeline cursor is in: those holding the last event of the story at or before it. */
export function currentSteps(story: CausalStory, cursor: number): number[] {
  const atOrBefore = (s: CausalStep) => {
    const j = lowerBound(s.events, cursor + 1) - 1;
    return j >= 0 ? s.events[j] : -1;
  };
  const latest = Math.max(-1, ...story.steps.map(atOrBefore));
  if (latest < 0) return [];
  return story.steps.filter((s) => atOrBefore(s) === latest).map((s) => s.n);
}

/** Where the cursor is relative to a step: not reached, part way through, or past its last event. */
export function stepProgress(step: CausalStep, cursor: number): 'pending' | 'progress' | 'done' {
  return step.first > cursor ? 'pending' : step.last > cursor ? 'progress' : 'done';
}
