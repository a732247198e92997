// The controllers of cluster.ts running in the real engine (API server, store, indexes, host),
// to check that their plans apply cleanly through the API server's write path.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { Cluster } from '../core/cluster';
import { admissionPlugins } from '../core/wiring';
import { DEFAULT_CLUSTER_CONFIG } from '../api/clusterConfig';
import { clusterControllers } from './cluster';

const user = { component: 'kubectl', reason: 'create' };

function newCluster(): Cluster {
  const cluster = new Cluster(DEFAULT_CLUSTER_CONFIG, 42, admissionPlugins);
  cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, user);
  for (const c of clusterControllers) cluster.host.add(c, { delayMs: 5 });
  return cluster;
}

function run(cluster: Cluster, until: number): void {
  while (cluster.nextTaskTime() !== undefined && cluster.nextTaskTime()! <= until) cluster.step();
  cluster.advanceTo(until);
}

const pods = (c: Cluster) => c.store.list('Pod', 'default');

describe('cluster controllers in the engine', () => {
  it('runs a Job to completion and cascades its deletion to the pods', () => {
    const c = newCluster();
    c.api.create(
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'pi', namespace: 'default' },
        spec: { completions: 2, parallelism: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } },
      },
      user,
    );
    run(c, 1000);
    expect(pods(c)).toHaveLength(2);
    // Play the kubelet: both pods succeed.
    for (const p of pods(c)) c.api.updateStatus({ ...p, status: { ...(p.status ?? {}), phase: 'Succeeded' } } as KubeObject, { component: 'kubelet/node-1', reason: 'Completed' });
    run(c, 5000);
    const job = c.store.get('Job', 'default', 'pi')!;
    expect(job.status.succeeded).toBe(2);
    expect(job.status.conditions.map((x: { type: string }) => x.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(pods(c).every((p) => !(p.metadata.finalizers ?? []).length)).toBe(true);
    expect(c.errors).toEqual([]);
    c.api.delete({ kind: 'Job', namespace: 'default', name: 'pi' }, user, { propagationPolicy: 'Foreground' });
    run(c, 10_000);
    expect(c.store.get('Job', 'default', 'pi')).toBeUndefined();
    expect(pods(c)).toEqual([]);
    const reasons = c.store.list('Event', 'default').map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['SuccessfulCreate', 'Completed']));
  });

  it('creates the default ServiceAccount and an EndpointSlice for a selector Service', () => {
    const c = newCluster();
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }, user);
    run(c, 1000);
    expect(c.store.get('ServiceAccount', 'default', 'default')).toBeDefined();
    const slices = c.store.list('EndpointSlice', 'default');
    expect(slices).toHaveLength(1);
    expect(slices[0].metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(c.store.get('Endpoints', 'default', 'web')).toBeDefined();
    expect(c.errors).toEqual([]);
  });
});
