// The Rules view with its controls: which node's kube-proxy rules to show, raw iptables-save
// text or the chain graph, and a packet tracer whose hops light up the chains they crossed.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject, Snapshot } from '../../engine';
import type { ClusterConfig } from '../../engine/api/clusterConfig';
import { Rng } from '../../engine/core/rng';
import { buildClusterNetwork, nodeIptablesSave } from '../../engine/network/clusterNetwork';
import { tracePath, type PathTrace } from '../../engine/network/packet';
import type { TraceHop } from '../../engine/network/kubeproxy';
import { RulesView } from '../canvas/GraphViews';

export interface RulesPanelProps {
  snapshot: Snapshot;
  config: ClusterConfig;
  kubeProxy?: KubeObject;
  selected?: string;
  onSelect: (ref: string) => void;
  /** A trace already asked for elsewhere (e.g. from the inspector). */
  initialTrace?: { from: string; to?: string };
}

/** The engine's path hops, as the Rules graph's chain hops (the jump target read off the rule line). */
function chainHops(trace: PathTrace | undefined, node: string): TraceHop[] {
  if (!trace) return [];
  return trace.hops
    .filter((h) => h.rule && h.node === node)
    .map((h) => ({ table: h.rule!.table as 'nat' | 'filter', chain: h.rule!.chain, rule: { target: /-j (\S+)/.exec(h.rule!.line)?.[1] ?? '' } as never }));
}

export function RulesPanel({ snapshot, config, kubeProxy, selected, onSelect, initialTrace }: RulesPanelProps) {
  const { t } = useTranslation();
  const net = useMemo(() => buildClusterNetwork({ objects: snapshot.objects, config, kubeProxy, time: snapshot.time }), [snapshot, config, kubeProxy]);
  const nodes = net.nodes.map((n) => n.name);
  const pods = (snapshot.objects.Pod ?? []).filter((p) => p.status?.podIP && !p.spec?.hostNetwork).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  const services = (snapshot.objects.Service ?? []).filter((s) => s.spec?.clusterIP && s.spec.clusterIP !== 'None');
  const [node, setNode] = useState<string>('');
  const [raw, setRaw] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [trace, setTrace] = useState<PathTrace>();
  const fromPod = from || pods.find((p) => p.startsWith('default/')) || pods[0] || '';
  const target = to || (services.find((s) => s.metadata.namespace === 'default' && s.metadata.name !== 'kubernetes') ? serviceTarget(services.find((s) => s.metadata.namespace === 'default' && s.metadata.name !== 'kubernetes')!) : '');
  const sourceNode = (snapshot.objects.Pod ?? []).find((p) => `${p.metadata.namespace}/${p.metadata.name}` === (trace?.request.from ?? fromPod))?.spec?.nodeName;
  const shownNode = node || sourceNode || nodes.find((n) => n !== 'control-plane') || nodes[0] || '';
  const entry = net.nodes.find((n) => n.name === shownNode);
  const rules = entry?.proxy[entry.primaryFamily];
  const hops = useMemo(() => chainHops(trace, shownNode), [trace, shownNode]);
  // Focus the chain graph on the Service the trace went to (its KUBE-SVC/SEP chains).
  const tracedService = useMemo(() => {
    const ip = trace?.request.to.split(':')[0];
    const svc = services.find((s) => s.spec?.clusterIP === ip);
    return svc ? `${svc.metadata.namespace}/${svc.metadata.name}` : undefined;
  }, [trace, services]);
  const saveText = useMemo(() => (raw && entry ? nodeIptablesSave(net, entry, entry.primaryFamily) ?? '' : ''), [raw, entry, net]);
  const tracedLines = new Set((trace?.hops ?? []).filter((h) => h.node === shownNode && h.rule).map((h) => h.rule!.line));

  // A trace asked for elsewhere (the canvas context menu) runs once, as if chosen here.
  const [handledRequest, setHandledRequest] = useState<RulesPanelProps['initialTrace']>();
  if (initialTrace && initialTrace !== handledRequest) {
    setHandledRequest(initialTrace);
    setFrom(initialTrace.from);
    if (initialTrace.to) setTo(initialTrace.to);
    const requestTarget = initialTrace.to || target;
    if (requestTarget) setTrace(tracePath({ from: initialTrace.from, to: requestTarget }, net, new Rng(hashSeed(`${initialTrace.from}>${requestTarget}@${snapshot.eventIndex}`))));
  }

  const runTrace = () => {
    if (!fromPod || !target) return;
    setTrace(tracePath({ from: fromPod, to: target }, net, new Rng(hashSeed(`${fromPod}>${target}@${snapshot.eventIndex}`))));
  };

  return (
    <div className="rules-panel" data-testid="rules-panel">
      <div className="view-toolbar">
        <label>
          {t('rules.node')}{' '}
          <select value={shownNode} onChange={(e) => setNode(e.target.value)} data-testid="rules-node">
            {nodes.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label className="inline-check">
          <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} data-testid="rules-raw" /> iptables-save
        </label>
        <span className="sep" />
        <label>
          {t('rules.traceFrom')}{' '}
          <select value={fromPod} onChange={(e) => setFrom(e.target.value)} data-testid="trace-from">
            {pods.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          {t('rules.traceTo')}{' '}
          <select value={target} onChange={(e) => setTo(e.target.value)} data-testid="trace-to">
            {services.map((s) => (
              <option key={`${s.metadata.namespace}/${s.metadata.name}`} value={serviceTarget(s)}>
                {s.metadata.namespace}/{s.metadata.name} ({serviceTarget(s)})
              </option>
            ))}
          </select>
        </label>
        <button className="primary" onClick={runTrace} data-testid="trace-run">
          {t('rules.trace')}
        </button>
      </div>
      <div className="rules-body">
        <div className="rules-graph">
          {raw ? (
            <pre className="iptables-save" data-testid="iptables-save">
              {saveText.split('\n').map((line, i) => (
                <span key={i} className={tracedLines.has(line) ? 'traced' : undefined}>
                  {line + '\n'}
                </span>
              ))}
            </pre>
          ) : (
            <RulesView rules={rules} trace={hops} service={tracedService} selected={selected} onSelect={onSelect} />
          )}
        </div>
        {trace && (
          <div className="trace-side">
          <div className={`trace-outcome outcome-${trace.outcome}`} data-testid="trace-outcome">
            {trace.reason}
          </div>
          <ol className="trace-hops" data-testid="trace-hops">
            {trace.hops.map((h, i) => (
              <li key={i} className={`hop hop-${h.kind}`} data-chain={h.rule?.chain}>
                <span className="hop-where">
                  {h.node} · {h.netns} · {h.device}
                </span>
                <code>{h.text}</code>
                {h.note && <span className="hop-note">{h.note}</span>}
              </li>
            ))}
            {trace.notes.map((n, i) => (
              <li key={`n${i}`} className="hop-note">
                {n}
              </li>
            ))}
          </ol>
          </div>
        )}
      </div>
    </div>
  );
}

function serviceTarget(svc: { spec?: { clusterIP?: string; ports?: { port: number }[] } }): string {
  return `${svc.spec?.clusterIP}:${svc.spec?.ports?.[0]?.port ?? 80}`;
}

/** A stable seed per request, so a repeated trace picks the same endpoint (deterministic UI). */
function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
