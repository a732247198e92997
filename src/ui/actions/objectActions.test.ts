import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine';
import { menuEntries, objectActions, parseReplicas, refFromAttributes, selectorsForRef, tidySeparators, MAX_MENU_REPLICAS } from './objectActions';
import { runAction } from './runAction';

const makeObject = (kind: string, name: string, namespace: string | undefined, spec: Record<string, unknown> = {}, status: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec,
  status,
});
const makeDeployment = (replicas?: number) => makeObject('Deployment', 'web', 'default', replicas === undefined ? {} : { replicas });
const makeNode = (spec: Record<string, unknown> = {}) => makeObject('Node', 'node-1', undefined, spec);
const makePod = ({ nodeName, podIP, hostNetwork }: { nodeName?: string; podIP?: string; hostNetwork?: boolean } = {}) =>
  makeObject('Pod', 'web-abc12', 'default', { nodeName, hostNetwork, containers: [{ name: 'nginx', image: 'nginx' }, { name: 'sidecar', image: 'busybox' }] }, podIP ? { podIP } : {});

const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe('objectActions', () => {
  it('offers scale steps around the current replicas, rollout restart/undo and delete for a Deployment', () => {
    const actions = objectActions(makeDeployment(3));
    expect(ids(actions)).toEqual(['scale-up', 'scale-down', 'restart', 'undo', 'delete']);
    expect(actions[0].action).toEqual({ type: 'scale', target: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 4 });
    expect(actions[0].label).toEqual({ key: 'actions.scaleTo', values: { n: 4 } });
    expect(actions[1].action).toMatchObject({ type: 'scale', replicas: 2 });
    expect(actions[4]).toMatchObject({ action: { type: 'delete', target: { kind: 'Deployment', namespace: 'default', name: 'web' } }, danger: true });
  });

  it('defaults spec.replicas to 1 as the API server does', () => {
    expect(objectActions(makeDeployment()).map((a) => a.action)).toContainEqual(expect.objectContaining({ type: 'scale', replicas: 2 }));
  });

  it('has no scale-down at zero replicas', () => {
    expect(ids(objectActions(makeDeployment(0)))).toEqual(['scale-up', 'restart', 'undo', 'delete']);
  });

  it.each(['ReplicaSet', 'StatefulSet', 'ReplicationController'])('scales a %s but offers no rollout actions', (kind) => {
    expect(ids(objectActions(makeObject(kind, 'x', 'default', { replicas: 2 })))).toEqual(['scale-up', 'scale-down', 'delete']);
  });

  it.each([
    [{}, false, ['cordon', 'drain', 'stop-kubelet']],
    [{ unschedulable: true }, false, ['uncordon', 'drain', 'stop-kubelet']],
    [{}, true, ['cordon', 'drain', 'start-kubelet']],
  ])('offers the node toggles that undo its current state (spec %j, kubelet stopped %s) and never delete', (spec, kubeletStopped, expected) => {
    const actions = objectActions(makeNode(spec), { kubeletStopped });
    expect(ids(actions)).toEqual(expected);
    expect(actions.map((a) => a.action)).toContainEqual({ type: 'drain', node: 'node-1' });
  });

  it('kills the first container and flips its readiness probe for a bound pod', () => {
    const actions = objectActions(makePod({ nodeName: 'node-1' }));
    expect(ids(actions)).toEqual(['kill', 'fail-probe', 'pass-probe', 'delete']);
    expect(actions[0]).toMatchObject({ label: { key: 'actions.killContainer', values: { container: 'nginx' } }, action: { type: 'kill-container', pod: { kind: 'Pod', namespace: 'default', name: 'web-abc12' }, container: 'nginx' } });
    expect(actions[1].action).toMatchObject({ type: 'fail-probe', container: 'nginx', probe: 'readiness' });
  });

  it('offers only delete for a pod that is not bound to a node yet', () => {
    expect(ids(objectActions(makePod()))).toEqual(['delete']);
  });

  it('offers only delete for kinds without their own actions', () => {
    expect(ids(objectActions(makeObject('Service', 'web', 'default')))).toEqual(['delete']);
    expect(objectActions(makeObject('Namespace', 'team-a', undefined))[0].action).toEqual({ type: 'delete', target: { kind: 'Namespace', namespace: undefined, name: 'team-a' } });
  });
});

describe('menuEntries', () => {
  it('lists Inspect, the scale steps with Scale…, the other actions, and Delete last for a Deployment', () => {
    const entries = menuEntries(makeDeployment(2));
    expect(ids(entries)).toEqual(['inspect', 'sep-scale', 'scale-up', 'scale-down', 'scale', 'sep-actions', 'restart', 'undo', 'sep-danger', 'delete']);
    expect(entries.find((e) => e.id === 'scale')).toMatchObject({ type: 'scale', replicas: 2 });
  });

  it('contains every inspector action exactly once, so the two never disagree', () => {
    for (const obj of [makeDeployment(2), makeNode(), makePod({ nodeName: 'n', podIP: '10.244.1.5' }), makeObject('Service', 's', 'default')]) {
      const fromMenu = menuEntries(obj).filter((e) => e.type === 'action');
      expect(fromMenu.map((e) => e.type === 'action' && e.action)).toEqual(objectActions(obj).map((a) => a.action));
    }
  });

  it('offers the packet tracer for a pod with its own IP', () => {
    const entries = menuEntries(makePod({ nodeName: 'node-1', podIP: '10.244.1.5' }));
    expect(ids(entries)).toEqual(['inspect', 'sep-actions', 'kill', 'fail-probe', 'pass-probe', 'sep-trace', 'trace', 'sep-danger', 'delete']);
    expect(entries.find((e) => e.id === 'trace')).toMatchObject({ type: 'trace', from: 'default/web-abc12' });
  });

  it.each([
    ['no IP yet', makePod({ nodeName: 'node-1' })],
    ['host network', makePod({ nodeName: 'node-1', podIP: '192.168.0.11', hostNetwork: true })],
  ])('offers no tracer for a pod with %s', (_, pod) => {
    expect(ids(menuEntries(pod))).not.toContain('trace');
  });

  it('gives a node Inspect and its toggles, with no Delete', () => {
    expect(ids(menuEntries(makeNode({ unschedulable: true })))).toEqual(['inspect', 'sep-actions', 'uncordon', 'drain', 'stop-kubelet']);
  });
});

describe('tidySeparators', () => {
  it('leaves no separator first, last or doubled once the engine actions are filtered out (read-only menu)', () => {
    const readOnly = menuEntries(makePod({ nodeName: 'node-1', podIP: '10.244.1.5' })).filter((e) => e.type !== 'action');
    expect(ids(tidySeparators(readOnly))).toEqual(['inspect', 'sep-actions', 'trace']);
    expect(ids(tidySeparators(menuEntries(makeNode()).filter((e) => e.type !== 'action')))).toEqual(['inspect']);
  });
});

describe('parseReplicas', () => {
  it.each([
    ['3', 3],
    [' 0 ', 0],
    [String(MAX_MENU_REPLICAS), MAX_MENU_REPLICAS],
    [String(MAX_MENU_REPLICAS + 1), undefined],
    ['-1', undefined],
    ['2.5', undefined],
    ['', undefined],
    ['abc', undefined],
  ])('reads %j as %s', (text, expected) => {
    expect(parseReplicas(text)).toBe(expected);
  });
});

describe('refFromAttributes', () => {
  it.each([
    [{ pod: 'default/web-1' }, 'Pod/default/web-1'],
    [{ node: 'node-2' }, 'Node/node-2'],
    [{ ref: 'Deployment/default/web' }, 'Deployment/default/web'],
    [{ pod: null, node: null, ref: '' }, undefined],
  ])('turns %j into %s', (attrs, expected) => {
    expect(refFromAttributes(attrs)).toBe(expected);
  });
});

describe('selectorsForRef', () => {
  const escape = (s: string) => s.replace(/"/g, '\\"');
  it('looks for a pod chip, then a graph node', () => {
    expect(selectorsForRef('Pod/default/web-1', escape)).toEqual(['[data-pod="default/web-1"]', '[data-ref="Pod/default/web-1"]']);
  });
  it('looks for a node box, then a graph node', () => {
    expect(selectorsForRef('Node/node-1', escape)).toEqual(['[data-node="node-1"]', '[data-ref="Node/node-1"]']);
  });
  it('looks only for a graph node for other kinds', () => {
    expect(selectorsForRef('Service/default/web', escape)).toEqual(['[data-ref="Service/default/web"]']);
  });
});

describe('runAction', () => {
  it('passes the engine result through', () => {
    expect(runAction(() => ({ ok: false, message: 'Error from server (NotFound)' }), { type: 'cordon', node: 'x' })).toEqual({ ok: false, message: 'Error from server (NotFound)' });
  });
  it('turns an exception into an error result instead of losing it', () => {
    const result = runAction(() => {
      throw new Error('boom');
    }, { type: 'cordon', node: 'x' });
    expect(result).toEqual({ ok: false, message: 'boom' });
  });
});
