import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { MiniCluster } from '../testing/miniCluster';
import { makeStatefulSet } from '../testing/workloadBuilders';
import { statefulSetController } from './statefulSetController';

function run(c: MiniCluster, ready = true): void {
  c.now += 1000;
  c.reconcile(statefulSetController, 'default/web');
  if (ready) c.makePodsReady();
}

const pods = (c: MiniCluster) => c.list('Pod').map((p) => p.metadata.name);

describe('StatefulSet controller (stateful_set_control.go)', () => {
  const www = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];

  it('creates web-0, web-1, web-2 one at a time, each after the previous is Running and Ready (OrderedReady)', () => {
    const c = new MiniCluster([makeStatefulSet({ name: 'web', replicas: 3, volumeClaimTemplates: www })]);
    run(c, false);
    expect(pods(c)).toEqual(['web-0']);
    run(c, false);
    expect(pods(c)).toEqual(['web-0']); // web-0 not ready yet: wait
    c.makePodsReady();
    run(c);
    expect(pods(c)).toEqual(['web-0', 'web-1']);
    run(c);
    expect(pods(c)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(c.list('PersistentVolumeClaim').map((p) => p.metadata.name)).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    expect(c.events.slice(0, 2).map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
    ]);
  });

  it('gives each pod its identity: labels, hostname, subdomain, claim volume', () => {
    const c = new MiniCluster([makeStatefulSet({ name: 'web', replicas: 1, serviceName: 'nginx', volumeClaimTemplates: www })]);
    run(c);
    const pod: KubeObject = c.get('Pod', 'web-0')!;
    const sts = c.get('StatefulSet', 'web')!;
    expect(pod.metadata.labels).toEqual({
      app: 'web',
      'statefulset.kubernetes.io/pod-name': 'web-0',
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': sts.status.updateRevision,
    });
    expect(sts.status.updateRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(pod.spec.hostname).toBe('web-0');
    expect(pod.spec.subdomain).toBe('nginx');
    expect(pod.spec.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }]);
    expect(c.get('PersistentVolumeClaim', 'www-web-0')!.metadata.labels).toEqual({ app: 'web' });
  });

  it('creates all pods at once with Parallel', () => {
    const c = new MiniCluster([makeStatefulSet({ name: 'web', replicas: 3, podManagementPolicy: 'Parallel' })]);
    run(c, false);
    expect(pods(c)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('scales down from the highest ordinal, one at a time', () => {
    const c = new MiniCluster([makeStatefulSet({ name: 'web', replicas: 3 })]);
    for (let i = 0; i < 4; i++) run(c);
    c.get('StatefulSet', 'web')!.spec.replicas = 1;
    run(c);
    expect(pods(c)).toEqual(['web-0', 'web-1']);
    run(c);
    expect(pods(c)).toEqual(['web-0']);
    expect(c.events.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message)).toEqual([
      'delete Pod web-2 in StatefulSet web successful',
      'delete Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('rolls an update in reverse ordinal order, stops at the partition, then makes the update revision current', () => {
    const c = new MiniCluster([makeStatefulSet({ name: 'web', replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } })]);
    for (let i = 0; i < 4; i++) run(c);
    const first = c.get('StatefulSet', 'web')!.status.currentRevision;
    c.get('StatefulSet', 'web')!.spec.template.spec.containers[0].image = 'nginx:2';
    const deletions: string[] = [];
    for (let i = 0; i < 8; i++) {
      run(c);
      deletions.push(...c.events.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message.split(' ')[2]));
      c.events = [];
    }
    expect(deletions).toEqual(['web-2', 'web-1']);
    const sts = c.get('StatefulSet', 'web')!;
    expect(c.get('Pod', 'web-0')!.metadata.labels?.['controller-revision-hash']).toBe(first);
    expect(c.get('Pod', 'web-2')!.metadata.labels?.['controller-revision-hash']).toBe(sts.status.updateRevision);
    expect(sts.status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 1, updatedReplicas: 2, currentRevision: first });
    // Partition 0 finishes the rollout; the update revision becomes current.
    sts.spec.updateStrategy.rollingUpdate.partition = 0;
    for (let i = 0; i < 4; i++) run(c);
    expect(c.get('StatefulSet', 'web')!.status).toMatchObject({ currentReplicas: 3, updatedReplicas: 3, currentRevision: sts.status.updateRevision });
  });

  it('leaves pods on the old revision under OnDelete until they are deleted', () => {
    const c = new MiniCluster([makeStatefulSet({ name: 'web', replicas: 2, updateStrategy: { type: 'OnDelete' } })]);
    for (let i = 0; i < 3; i++) run(c);
    c.get('StatefulSet', 'web')!.spec.template.spec.containers[0].image = 'nginx:2';
    for (let i = 0; i < 3; i++) run(c);
    expect(c.events.filter((e) => e.reason === 'SuccessfulDelete')).toEqual([]);
    c.objects = c.objects.filter((o) => o.metadata.name !== 'web-1');
    run(c);
    expect(c.get('Pod', 'web-1')!.spec.containers[0].image).toBe('nginx:2');
    expect(c.get('Pod', 'web-0')!.spec.containers[0].image).toBe('nginx:1.25');
  });
});
