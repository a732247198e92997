import { describe, expect, it } from 'vitest';
import { simplificationsFor } from './simplifications';
import { KUBELET_SIMPLIFICATIONS } from '../engine/kubelet/simplifications';

describe('simplificationsFor', () => {
  it('gives a pod the kubelet and scheduler notes, and every kind the kubectl apply note', () => {
    const pod = simplificationsFor('Pod');
    expect(pod).toEqual(expect.arrayContaining([...KUBELET_SIMPLIFICATIONS]));
    expect(pod.some((n) => n.includes('reservoir sampling'))).toBe(true);
    expect(simplificationsFor('ConfigMap')).toEqual([expect.stringContaining('kubectl apply merges three ways')]);
  });

  it('names the pod-template-hash simplification for Deployments', () => {
    expect(simplificationsFor('Deployment').some((n) => /hash/i.test(n))).toBe(true);
  });
});
