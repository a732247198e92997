// Decision records are bounded: only the latest FULL_DECISION_RECORDS_KEPT attempts keep
// per-node detail; older attempts keep a compact record in the same activity shape.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../core/simulation';
import { FULL_DECISION_RECORDS_KEPT, COMPACTED_RECORD_NOTE, type ScheduleAttemptDetail } from './component';

const manifest = (replicas: number) => `apiVersion: kubeglass.dev/v1alpha1
kind: ClusterConfig
spec:
  nodes: 3
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: many
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: many}
  template:
    metadata:
      labels: {app: many}
    spec:
      containers:
        - name: app
          image: registry.k8s.io/pause:3.10.1
          resources:
            requests: {cpu: 1m, memory: 1Mi}
`;

describe('scheduler decision records', () => {
  it('keeps full records for the latest attempts and compacts older ones', () => {
    const sim = Simulation.load(manifest(FULL_DECISION_RECORDS_KEPT + 60));
    sim.run({ maxTasks: 20_000 });
    const attempts = sim.activities().filter((a) => a.type === 'ScheduleAttempt');
    expect(attempts.length).toBeGreaterThan(FULL_DECISION_RECORDS_KEPT);
    const details = attempts.map((a) => a.detail as ScheduleAttemptDetail);
    const full = details.filter((d) => d.record.detail === 'full');
    expect(full.length).toBe(FULL_DECISION_RECORDS_KEPT);
    // The full ones are the latest.
    expect(details.slice(-FULL_DECISION_RECORDS_KEPT).every((d) => d.record.detail === 'full')).toBe(true);
    const old = details[0];
    expect(old.record.detail).toBe('compact');
    expect(old.record.nodes).toEqual({});
    expect(old.record.notes).toContain(COMPACTED_RECORD_NOTE);
    // What a compact record still says: the pod, the outcome, the counts.
    expect(old.pod).toBe(old.record.pod);
    expect(old.record.numAllNodes).toBe(3);
    expect(old.record.result === 'Scheduled' ? old.record.selectedNode : old.record.message).toBeTruthy();
  });
});
