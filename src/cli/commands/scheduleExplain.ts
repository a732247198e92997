// kubeglass schedule-explain FILE... --pod NAMESPACE/NAME [--json] [--all-attempts]
// Runs the simulation and prints kube-scheduler's decision record for the pod: each node's
// filter result and, for feasible nodes, every score plugin's raw, normalized and weighted score.
import { parseArgs } from 'node:util';
import { Simulation, parseDuration } from '../../engine';
import type { DecisionRecord } from '../../engine/scheduler';
import type { ScheduleAttemptDetail } from '../../engine/scheduler/component';
import { parseRunFlags, readManifestFiles, UsageError } from '../io';
import { formatTable } from '../../kubectl/table';
import type { CliIO } from '../main';

export const SCHEDULE_EXPLAIN_HELP = `Usage: kubeglass schedule-explain FILE... --pod NAMESPACE/NAME [--json] [--all-attempts] [--seed N] [--until 10m]

Runs the manifests and prints the scheduler's decision for the pod's last scheduling attempt
(or every attempt): nodes as rows, filter results and score plugins as columns.`;

export function scheduleExplainCommand(argv: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { pod: { type: 'string' }, json: { type: 'boolean' }, 'all-attempts': { type: 'boolean' }, seed: { type: 'string' }, until: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(SCHEDULE_EXPLAIN_HELP);
    return 0;
  }
  if (!positionals.length) throw new UsageError('at least one FILE (or - for standard input) is required');
  if (!values.pod || !values.pod.includes('/')) throw new UsageError('--pod NAMESPACE/NAME is required');
  const { seed, until } = parseRunFlags(values, parseDuration);

  const sim = Simulation.load(readManifestFiles(positionals), { seed });
  sim.run({ until });
  for (const d of sim.diagnostics) if (d.severity !== 'info') io.err(`${d.file ?? '<input>'}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  const failed = sim.diagnostics.some((d) => d.severity === 'error');

  const attempts = sim
    .activities()
    .filter((a) => a.type === 'ScheduleAttempt' && (a.detail as ScheduleAttemptDetail).pod === values.pod)
    .map((a) => (a.detail as ScheduleAttemptDetail).record);
  const [ns, name] = values.pod.split('/');
  const pod = sim.internals.store.get('Pod', ns, name);
  if (!pod) {
    io.err(`kubeglass schedule-explain: pod ${values.pod} not found`);
    return 1;
  }
  const records: DecisionRecord[] = attempts.length ? (values['all-attempts'] ? attempts : [attempts[attempts.length - 1]]) : [notAttempted(values.pod, pod.spec?.schedulerName, pod.spec?.nodeName)];
  if (values.json) io.out(JSON.stringify(values['all-attempts'] ? records.map(jsonShape) : jsonShape(records[0])));
  else io.out(records.map((r, i) => textRecord(r, values['all-attempts'] ? i + 1 : undefined)).join('\n\n'));
  return failed ? 1 : 0;
}

/** A pod no profile serves, or one created with spec.nodeName, never reaches the scheduler. */
function notAttempted(pod: string, schedulerName: string | undefined, nodeName: string | undefined): DecisionRecord {
  const message = nodeName
    ? `The pod was created with spec.nodeName=${nodeName}: it skipped the scheduler and went straight to that node's kubelet.`
    : `No scheduler profile serves schedulerName "${schedulerName ?? 'default-scheduler'}": the pod stays Pending and no scheduling events are recorded.`;
  return { pod, schedulerName: schedulerName ?? 'default-scheduler', profile: '', result: 'NotAttempted', selectedNode: nodeName ?? null, message, nodes: {}, preemption: null, detail: 'full', numAllNodes: 0, evaluatedNodes: 0, feasibleNodes: 0, notes: [] };
}

function jsonShape(r: DecisionRecord) {
  return {
    pod: r.pod,
    schedulerName: r.schedulerName,
    profile: r.profile,
    result: r.result,
    selectedNode: r.selectedNode,
    message: r.message,
    nodes: Object.fromEntries(
      Object.entries(r.nodes).map(([node, d]) => [
        node,
        {
          evaluated: d.evaluated,
          filter: { passed: d.filter.passed, plugin: d.filter.plugin, reasons: d.filter.reasons, code: d.filter.code },
          scores: d.scores,
          total: d.total,
        },
      ]),
    ),
    preemption: r.preemption,
  };
}

function textRecord(r: DecisionRecord, attempt?: number): string {
  const head = [
    `Pod: ${r.pod}${attempt ? `  (attempt ${attempt})` : ''}`,
    `Scheduler: ${r.schedulerName}${r.profile ? ` (profile ${r.profile})` : ''}`,
    `Result: ${r.result}${r.selectedNode ? ` -> ${r.selectedNode}` : ''}`,
    ...(r.message ? [`Message: ${r.message}`] : []),
  ];
  const nodes = Object.entries(r.nodes);
  if (!nodes.length) return [...head, ...(r.detail === 'compact' ? [`(compact record: ${r.evaluatedNodes} of ${r.numAllNodes} nodes evaluated, ${r.feasibleNodes} feasible)`] : [])].join('\n');
  const plugins = [...new Set(nodes.flatMap(([, d]) => Object.keys(d.scores)))];
  const rows = nodes.map(([node, d]) => [
    node + (node === r.selectedNode ? ' *' : ''),
    !d.evaluated ? 'not evaluated' : d.filter.passed ? 'passed' : `${d.filter.plugin}: ${d.filter.reasons.join('; ')}`,
    ...plugins.map((p) => {
      const s = d.scores[p];
      return s ? (s.skipped ? 'skip' : `${s.normalized}x${s.weight}=${s.weighted}`) : '';
    }),
    d.total === null ? '' : String(d.total),
  ]);
  const table = formatTable(['NODE', 'FILTER', ...plugins, 'TOTAL'], rows);
  const notes = r.notes.length ? ['', ...r.notes.map((n) => `Note: ${n}`)] : [];
  return [...head, '', table, ...(r.preemption ? ['', `Preemption: nominated ${r.preemption.nominatedNode ?? 'none'}; victims ${r.preemption.victims.join(', ') || 'none'}`] : []), ...notes].join('\n');
}
