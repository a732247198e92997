// kubeglass simulate FILE... [--seed N] [--until 10m] [--json] [--actions FILE]
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { Simulation, parseDuration, type Diagnostic } from '../../engine';
import { parseRunFlags, readManifestFiles, UsageError } from '../io';
import type { CliIO } from '../main';
import { summaryText } from '../summary';
import { parseActionsFile } from '../actionsFile';

export const SIMULATE_HELP = `Usage: kubeglass simulate FILE... [--seed N] [--until 10m] [--json] [--actions FILE]

Loads the manifests (- reads standard input), runs the simulated cluster until nothing is
pending (at most --until on the virtual clock, default 10m) and prints what
\`kubectl get pods,rs,deploy,svc\` would show, or with --json one JSON object.`;

export function simulateCommand(argv: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      until: { type: 'string' },
      json: { type: 'boolean' },
      actions: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(SIMULATE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('at least one FILE (or - for standard input) is required');
  const { seed, until } = parseRunFlags(values, parseDuration);

  const files = readManifestFiles(positionals);
  const diagnostics: Diagnostic[] = [];
  let actions: ReturnType<typeof parseActionsFile>['actions'] = [];
  if (values.actions) {
    const parsed = parseActionsFile(readFileSync(values.actions, 'utf8'), values.actions);
    actions = parsed.actions;
    diagnostics.push(...parsed.diagnostics);
  }
  const sim = Simulation.load(files, { seed, actions });
  sim.run({ until });
  diagnostics.push(...sim.diagnostics);
  for (const action of sim.actionLog()) {
    if (!action.result.ok) diagnostics.push({ file: values.actions, document: 0, line: 1, column: 1, severity: 'error', code: 'invalid-value', message: `action ${action.action.type} at ${action.at / 1000}s: ${action.result.message}` });
  }
  for (const d of diagnostics) {
    if (d.severity !== 'info') io.err(`${d.file ?? '<input>'}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  }
  if (values.json) io.out(JSON.stringify(jsonReport(sim, diagnostics)));
  else io.out(summaryText(sim));
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function jsonReport(sim: Simulation, diagnostics: Diagnostic[]) {
  const snap = sim.snapshot();
  const objects = Object.entries(snap.objects)
    .filter(([kind]) => kind !== 'Event')
    .flatMap(([, list]) => list);
  return {
    objects,
    events: snap.objects.Event ?? [],
    watch: sim.events().map((e) => ({ t: e.t, type: e.type, kind: e.kind, namespace: e.namespace, name: e.name, component: e.component, reason: e.reason })),
    diagnostics: diagnostics.map((d) => ({ file: d.file ?? null, document: d.document, line: d.line, column: d.column, severity: d.severity, message: d.message })),
  };
}
