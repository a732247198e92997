// Engine benchmark cases: load + run to quiescence for the default cluster, and a generated
// 1,000-node cluster with a 10,000-replica Deployment.
import { Simulation } from '../src/engine';
import { DEFAULT_SCENE } from '../src/scenes/defaultScene';

export interface EngineCase {
  name: string;
  run: (sample: () => void) => Record<string, number | string | boolean>;
}

export function bigClusterManifest(nodes: number, replicas: number): string {
  return `apiVersion: kubeglass.dev/v1alpha1
kind: ClusterConfig
spec:
  nodes: ${nodes}
  podCIDR: 10.0.0.0/8
  nodeCIDRMaskSize: 24
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: big}
  template:
    metadata:
      labels: {app: big}
    spec:
      containers:
        - name: app
          image: registry.k8s.io/pause:3.10.1
          resources:
            requests: {cpu: 10m, memory: 16Mi}
`;
}

function settle(sim: Simulation, sample: () => void) {
  let tasks = 0;
  for (;;) {
    const r = sim.run({ until: 3_600_000, maxTasks: 20_000 });
    tasks += r.tasks;
    sample();
    if (r.settled || r.tasks === 0) return { tasks, settled: r.settled };
  }
}

function runCase(text: string) {
  return (sample: () => void) => {
    const sim = Simulation.load(text);
    const { tasks, settled } = settle(sim, sample);
    const events = sim.events().length;
    const pods = sim.snapshot().objects.Pod ?? [];
    const running = pods.filter((p) => p.status?.phase === 'Running').length;
    return { settled, virtualSeconds: Math.round(sim.now() / 1000), tasks, events, pods: pods.length, running };
  };
}

export const engineCases: EngineCase[] = [
  { name: 'default-scene', run: runCase(DEFAULT_SCENE) },
  { name: 'nodes-1000-replicas-10000', run: runCase(bigClusterManifest(1000, 10_000)) },
];
