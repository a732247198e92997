import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fakeContext } from '../testing/fakeListers';
import { makeObject, makePod } from '../testing/builders';
import { formatQuantity, parseQuantity } from './quantity';
import { resourceQuotaController } from './resourceQuotaController';
import { checkQuota } from './admission';
import { applyLimitRangeDefaults, limitRangeError } from './limitRange';

const quota = (hard: Record<string, string>, used?: Record<string, string>, name = 'compute-resources') =>
  makeObject('v1', 'ResourceQuota', { name, spec: { hard }, status: used ? { hard, used } : undefined });

describe('quantities', () => {
  // apimachinery quantity_test.go TestQuantityString / canonical forms.
  it.each([
    ['500m', '500m'],
    ['1500m', '1500m'],
    ['2000m', '2'],
    ['1000', '1k'],
    ['1Gi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1024Ki', '1Mi'],
    ['128974848', '128974848'],
    ['129M', '129M'],
    ['0.5', '500m'],
  ])('%s prints as %s', (input, expected) => {
    expect(formatQuantity(parseQuantity(input)!)).toBe(expected);
  });
});

describe('resource quota controller', () => {
  it('computes used for the hard resources from the pods and services in the namespace', () => {
    const q = quota({ pods: '4', 'requests.cpu': '2', 'limits.memory': '2Gi', services: '2', 'count/configmaps': '5' });
    const objects: KubeObject[] = [
      q,
      makePod({ name: 'a', cpu: '500m', limitsMemory: '512Mi' }),
      makePod({ name: 'b', cpu: '250m', limitsMemory: '1Gi' }),
      makePod({ name: 'done', cpu: '1', phase: 'Succeeded' }),
      makePod({ name: 'elsewhere', namespace: 'other', cpu: '1' }),
      makeObject('v1', 'Service', { name: 'web', spec: { type: 'ClusterIP' } }),
    ];
    const plan = resourceQuotaController.reconcile('default/compute-resources', fakeContext(objects));
    const status = (plan.writes[0] as { object: KubeObject }).object.status;
    expect(status.hard).toEqual({ 'count/configmaps': '5', 'limits.memory': '2Gi', pods: '4', 'requests.cpu': '2', services: '2' });
    expect(status.used).toEqual({ 'count/configmaps': '0', 'limits.memory': '1536Mi', pods: '2', 'requests.cpu': '750m', services: '1' });
  });
});

describe('quota admission', () => {
  // e2e resource_quota.go / admission_test.go TestAdmitExceedQuotaLimit.
  it('refuses a pod past the pods limit with the API server message', () => {
    const r = checkQuota(makePod({ name: 'web-5', cpu: '100m', limitsCpu: '100m', memory: '64Mi', limitsMemory: '64Mi' }), [quota({ pods: '4' }, { pods: '4' })]);
    expect(r).toEqual({
      allowed: false,
      reason: 'exceeded quota: compute-resources, requested: pods=1, used: pods=4, limited: pods=4',
      message: 'pods "web-5" is forbidden: exceeded quota: compute-resources, requested: pods=1, used: pods=4, limited: pods=4',
    });
  });

  it('names every exceeded resource, sorted', () => {
    const r = checkQuota(makePod({ name: 'p', cpu: '1', limitsCpu: '2' }), [quota({ pods: '10', 'requests.cpu': '1', 'limits.cpu': '2' }, { pods: '1', 'requests.cpu': '500m', 'limits.cpu': '1' })]);
    expect(r.allowed === false && r.reason).toBe('exceeded quota: compute-resources, requested: limits.cpu=2,requests.cpu=1, used: limits.cpu=1,requests.cpu=500m, limited: limits.cpu=2,requests.cpu=1');
  });

  // admission_test.go TestAdmitBelowBestEffortQuotaLimit / "must specify" constraints.
  it('requires containers to state cpu and memory when the quota limits them', () => {
    const r = checkQuota(makePod({ name: 'p', cpu: '100m' }), [quota({ 'limits.cpu': '2', 'limits.memory': '2Gi' }, { 'limits.cpu': '0', 'limits.memory': '0' })]);
    expect(r.allowed === false && r.message).toBe('pods "p" is forbidden: failed quota: compute-resources: must specify limits.cpu for: app; limits.memory for: app');
  });

  it('bumps status.used when the pod fits', () => {
    const r = checkQuota(makePod({ name: 'p', cpu: '250m' }), [quota({ pods: '4', 'requests.cpu': '1' }, { pods: '1', 'requests.cpu': '500m' })]);
    expect(r.allowed && r.updatedQuotas[0].status.used).toEqual({ pods: '2', 'requests.cpu': '750m' });
  });

  it('refuses while the quota has no status yet', () => {
    const r = checkQuota(makePod({ name: 'p' }), [quota({ pods: '4' })]);
    expect(r.allowed === false && r.reason).toBe('status unknown for quota: compute-resources, resource: pods');
  });
});

describe('limit ranger', () => {
  const lr = (limits: unknown[]) => makeObject('v1', 'LimitRange', { name: 'limits', spec: { limits } });

  // admission_test.go TestDefaultContainerResourceRequirements / TestMergePodResourceRequirements.
  it('fills in defaultRequest and default and records them in the annotation', () => {
    const pod = applyLimitRangeDefaults(makePod({ name: 'p' }), [lr([{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '250m' } }])]);
    expect(pod.spec.containers[0].resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '500m', memory: '512Mi' } });
    expect(pod.metadata.annotations).toEqual({ 'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app' });
  });

  it('keeps what the container states and only annotates what it set', () => {
    const pod = applyLimitRangeDefaults(makePod({ name: 'p', cpu: '100m', limitsCpu: '200m' }), [lr([{ type: 'Container', default: { cpu: '1', memory: '1Gi' } }])]);
    expect(pod.spec.containers[0].resources).toEqual({ requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '200m', memory: '1Gi' } });
    expect(pod.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: memory request for container app; memory limit for container app');
  });

  // admission_test.go TestPodLimitFunc messages.
  it.each([
    [{ type: 'Container', max: { cpu: '1' } }, { cpu: '500m', limitsCpu: '2' }, 'pods "p" is forbidden: maximum cpu usage per Container is 1, but limit is 2'],
    [{ type: 'Container', min: { memory: '64Mi' } }, { memory: '32Mi' }, 'pods "p" is forbidden: minimum memory usage per Container is 64Mi, but request is 32Mi'],
    [{ type: 'Container', max: { cpu: '1' } }, { cpu: '500m' }, 'pods "p" is forbidden: maximum cpu usage per Container is 1.  No limit is specified'],
    [{ type: 'Container', maxLimitRequestRatio: { cpu: '2' } }, { cpu: '100m', limitsCpu: '500m' }, 'pods "p" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000'],
  ])('refuses %j for %j', (item, res, expected) => {
    expect(limitRangeError(makePod({ name: 'p', ...res }), [lr([item])])).toBe(expected);
  });
});
