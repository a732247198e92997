// A real Simulation behind a kubectl context, for tests of commands that write.
import { Simulation } from '../../engine';
import { DEFAULT_SCENE } from '../../scenes/defaultScene';
import type { KubectlContext } from '../context';
import { runKubectl } from '../run';

export function simScene(text = DEFAULT_SCENE, runMs = 60_000) {
  const sim = Simulation.load(text);
  sim.run({ until: runMs });
  const files: Record<string, string> = { 'manifest.yaml': text };
  const ctx = (): KubectlContext => ({ snapshot: sim.snapshot(), config: sim.config, act: (a) => sim.apply(a), readFile: (p) => files[p] ?? (p === '-' ? files['manifest.yaml'] : undefined), events: sim.events() });
  return {
    sim,
    files,
    kubectl: (line: string) => runKubectl(line, ctx()),
    get: (kind: string, name: string, ns = 'default') => sim.snapshot().objects[kind]?.find((o) => o.metadata.name === name && (o.metadata.namespace ?? '') === (kind === 'Node' || kind === 'Namespace' ? '' : ns)),
  };
}
