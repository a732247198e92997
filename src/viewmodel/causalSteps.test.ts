// The causal chain of `kubectl apply` of the default scene's nginx Deployment, from a real engine
// run: kubectl -> kube-apiserver/etcd -> deployment-controller -> replicaset-controller ->
// default-scheduler -> kubelets -> endpointslice-controller -> kube-proxy, as in
// https://kubernetes.io/docs/concepts/architecture/ and the controllers' own Events.
import { beforeAll, describe, expect, it } from 'vitest';
import { Simulation, type WatchEvent } from '../engine';
import { DEFAULT_SCENE } from '../scenes/defaultScene';
import { causalSteps, currentSteps, stepProgress, type CausalStory } from './causalSteps';
import { buildControlPlaneGraph } from './controlPlaneGraph';
import en from '../i18n/locales/en/common.json';
import zh from '../i18n/locales/zh/common.json';

let sim: Simulation;
let events: readonly WatchEvent[];
let story: CausalStory;

beforeAll(() => {
  sim = Simulation.load(DEFAULT_SCENE);
  sim.run({ until: 60_000 });
  events = sim.events();
  story = causalSteps(events, { activities: sim.activities() });
});

const summary = (s: CausalStory) => s.steps.map((x) => `${x.n} ${x.action} ${x.components.join(',')} ${x.kind}×${x.names.length}`);
const step = (action: string) => story.steps.find((s) => s.action === action)!;
const at = (i: number) => events[i];

describe('causalSteps on the default scene', () => {
  it('follows the nginx Deployment kubectl created, not the bootstrap objects before it', () => {
    expect(story.root).toBe('Deployment/default/web');
    expect(at(story.trigger!)).toMatchObject({ component: 'kubectl', kind: 'Deployment', name: 'web', type: 'ADDED' });
  });

  it('tells the chain in causal order with the components the engine names', () => {
    expect(summary(story)).toEqual([
      '1 request kubectl Deployment×1',
      '2 persist kube-apiserver Deployment×1',
      '3 create deployment-controller ReplicaSet×1',
      '4 create replicaset-controller Pod×3',
      '5 bind default-scheduler Pod×3',
      expect.stringMatching(/^6 start kubelet\/node-\d,kubelet\/node-\d Pod×3$/),
      expect.stringMatching(/^7 ready kubelet\/node-\d,kubelet\/node-\d Pod×3$/),
      '8 slice endpointslice-controller EndpointSlice×1',
      '9 proxy kube-proxy/control-plane,kube-proxy/node-1,kube-proxy/node-2 EndpointSlice×0',
      '10 status replicaset-controller ReplicaSet×1',
      '11 status deployment-controller Deployment×1',
    ]);
  });

  it('says what each component watched and what it wrote, with the controller manager as their process', () => {
    expect(step('create')).toMatchObject({ watched: 'Deployment', kind: 'ReplicaSet', process: 'kube-controller-manager' });
    const pods = story.steps[3];
    expect(pods).toMatchObject({ watched: 'ReplicaSet', kind: 'Pod', process: 'kube-controller-manager', reasons: ['SuccessfulCreate', 'StatusUpdate'] });
    expect(pods.text).toEqual({ key: 'steps.createMany', values: expect.objectContaining({ component: 'replicaset-controller', count: 3, kinds: 'Pods', watched: 'ReplicaSet' }) });
    expect(step('bind')).toMatchObject({ watched: 'Pod', reasons: ['Scheduled'] });
    expect(step('persist').text.values).toMatchObject({ etcdKey: '/registry/deployments/default/web' });
    // Status steps name what the status counts: the ReplicaSet its Pods, the Deployment its ReplicaSets.
    expect(story.steps[9]).toMatchObject({ action: 'status', kind: 'ReplicaSet', watched: 'Pod' });
    expect(story.steps[10]).toMatchObject({ action: 'status', kind: 'Deployment', watched: 'ReplicaSet' });
  });

  it('counts the bindings per node from the pods the scheduler bound', () => {
    const perNode = new Map<string, number>();
    for (const i of step('bind').events) if (at(i).kind === 'Pod') perNode.set(at(i).object.spec!.nodeName, (perNode.get(at(i).object.spec!.nodeName) ?? 0) + 1);
    const expected = [...perNode].sort(([a], [b]) => a.localeCompare(b)).map(([n, c]) => (c > 1 ? `${n} ×${c}` : n)).join(', ');
    expect(step('bind').text.values?.nodes).toBe(expected);
    expect([...perNode.values()].reduce((a, b) => a + b, 0)).toBe(3);
  });

  it("files the kubelet's Events under starting the Pod they are about, and readiness under its own step", () => {
    expect(step('start').reasons).toEqual(['PodStatus', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(step('ready').reasons).toEqual(['PodStatus']);
    for (const i of step('ready').events) expect(at(i).object.status?.conditions).toContainEqual(expect.objectContaining({ type: 'Ready', status: 'True' }));
  });

  it('keeps progress written in the same sync with the work (revision and status after creating the ReplicaSet)', () => {
    const rs = story.steps[2];
    expect(rs.reasons).toEqual(['ScalingReplicaSet', 'DeploymentRevision', 'StatusUpdate']);
    expect(rs.events.map((i) => `${at(i).kind}:${at(i).reason}`)).toEqual(['ReplicaSet:ScalingReplicaSet', 'Event:ScalingReplicaSet', 'Deployment:DeploymentRevision', 'Deployment:StatusUpdate']);
  });

  it('places kube-proxy at its rule syncs after the EndpointSlice writes, on the machine links', () => {
    const slice = step('slice');
    expect(slice.text.values).toMatchObject({ service: 'web' });
    const proxy = step('proxy');
    expect(proxy.first).toBeGreaterThan(slice.first);
    expect(proxy.edges).toEqual(['link:cp:machine/control-plane', 'link:cp:machine/node-1', 'link:cp:machine/node-2']);
    expect(proxy.inferred).toBeUndefined();
  });

  it('without the activity log shows kube-proxy at the EndpointSlice writes and says so', () => {
    const s = causalSteps(events, { nodes: ['node-2', 'node-1'] });
    const proxy = s.steps.find((x) => x.action === 'proxy')!;
    expect(proxy).toMatchObject({ inferred: true, components: ['kube-proxy/node-1', 'kube-proxy/node-2'], events: s.steps.find((x) => x.action === 'slice')!.events });
    expect(s.notes.map((n) => n.key)).toContain('steps.note.proxyInferred');
    expect(story.notes.map((n) => n.key)).not.toContain('steps.note.proxyInferred');
  });

  it('maps each step to the control plane graph edges that carry it', () => {
    expect(story.steps.slice(0, 5).map((s) => s.edges)).toEqual([['link:cp:kubectl'], ['etcd'], ['link:cp:kube-controller-manager'], ['link:cp:kube-controller-manager'], ['link:cp:kube-scheduler']]);
    const g = buildControlPlaneGraph(sim.snapshot(), events, { highlight: step('bind').edges });
    expect(g.edges.filter((e) => e.highlighted).map((e) => e.id)).toEqual(['link:cp:kube-scheduler']);
  });

  it('names the current step from the cursor: the request and its storage together, then each component', () => {
    const t = story.trigger!;
    expect(currentSteps(story, t - 1)).toEqual([]);
    expect(currentSteps(story, t)).toEqual([1, 2]);
    expect(currentSteps(story, t + 1)).toEqual([3]);
    expect(currentSteps(story, step('bind').first)).toEqual([5]);
    expect(currentSteps(story, events.length - 1)).toEqual([story.steps.find((s) => s.last === Math.max(...story.steps.map((x) => x.last)))!.n]);
    expect(stepProgress(step('bind'), t)).toBe('pending');
    expect(stepProgress(step('start'), step('start').first)).toBe('progress');
    expect(stepProgress(step('bind'), events.length - 1)).toBe('done');
  });

  it('tells only what has happened when given the log up to the cursor', () => {
    const upTo = events.slice(0, step('bind').first);
    expect(summary(causalSteps(upTo))).toEqual(['1 request kubectl Deployment×1', '2 persist kube-apiserver Deployment×1', '3 create deployment-controller ReplicaSet×1', '4 create replicaset-controller Pod×3']);
    expect(causalSteps(events.slice(0, story.trigger!)).steps).toEqual([]);
  });

  it('words every step and note with keys both locales define', () => {
    const keys = [...story.steps.map((s) => s.text.key), ...causalSteps(events, { nodes: ['node-1'] }).notes.map((n) => n.key), ...story.notes.map((n) => n.key)];
    expect(keys.filter((k) => !(k in en) || !(k in zh))).toEqual([]);
    expect(story.steps.map((s) => s.text.key)).toEqual(['steps.request', 'steps.persist', 'steps.create', 'steps.createMany', 'steps.bindMany', 'steps.startMany', 'steps.readyMany', 'steps.slice', 'steps.proxy', 'steps.status', 'steps.status']);
  });

  it('reads a growing log one event at a time and tells the same story as reading it at once', () => {
    const activities = sim.activities();
    const mid = step('start').first + 20;
    let atMid: CausalStory | undefined;
    let grown: CausalStory | undefined;
    for (let n = story.trigger! + 1; n <= events.length; n++) {
      grown = causalSteps(events.slice(0, n), { activities });
      if (n === mid + 1) atMid = grown;
    }
    // Cloned events are other objects: nothing of the earlier reads can be reused.
    const fresh = (log: readonly WatchEvent[]) => causalSteps(structuredClone(log), { activities });
    expect(grown).toEqual(fresh(events));
    expect(atMid).toEqual(fresh(events.slice(0, mid + 1)));
    expect(atMid!.steps.length).toBeLessThan(grown!.steps.length);
  });

  it('follows another root on request: the coredns Deployment kubeadm created', () => {
    const s = causalSteps(events, { root: 'Deployment/kube-system/coredns' });
    expect(s.steps.slice(0, 5).map((x) => `${x.action} ${x.components.join(',')}`)).toEqual(['request kubeadm', 'persist kube-apiserver', 'create deployment-controller', 'create replicaset-controller', 'bind default-scheduler']);
  });

  it('starts a new story at the next request: scaling the Deployment', () => {
    const scaled = Simulation.load(DEFAULT_SCENE);
    scaled.run({ until: 60_000 });
    scaled.apply({ type: 'scale', target: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 5 });
    scaled.run({ until: 120_000 });
    const s = causalSteps(scaled.events());
    expect(scaled.events()[s.trigger!]).toMatchObject({ component: 'kubectl', kind: 'Deployment', type: 'MODIFIED' });
    expect(s.steps.slice(0, 5).map((x) => `${x.action} ${x.components.join(',')} ${x.kind}×${x.names.length}`)).toEqual([
      'request kubectl Deployment×1',
      'persist kube-apiserver Deployment×1',
      'scale deployment-controller ReplicaSet×1',
      'create replicaset-controller Pod×2',
      'bind default-scheduler Pod×2',
    ]);
  });
});
