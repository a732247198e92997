// The scheduler's decision for a pod as a table: each node's filter verdict and, for feasible
// nodes, every score plugin's weighted score and the total — "why this node", "why Pending".
import { useTranslation } from 'react-i18next';
import { translateNote } from '../../i18n/notes';
import type { DecisionRecord } from '../../engine/scheduler';

export function DecisionTable({ record }: { record: DecisionRecord }) {
  const { t, i18n } = useTranslation();
  const nodes = Object.entries(record.nodes);
  if (!nodes.length) {
    return (
      <p className="muted">
        {t('decision.compact', { evaluated: record.evaluatedNodes, total: record.numAllNodes, feasible: record.feasibleNodes })}
      </p>
    );
  }
  const plugins = [...new Set(nodes.flatMap(([, d]) => Object.keys(d.scores)))];
  return (
    <div className="decision" data-testid="decision-table">
      <table>
        <thead>
          <tr>
            <th>{t('decision.node')}</th>
            <th>{t('decision.filter')}</th>
            {plugins.map((p) => (
              <th key={p} title={p}>
                {p.replace('NodeResources', 'Res.').replace('Balanced', 'Bal.')}
              </th>
            ))}
            <th>{t('decision.total')}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map(([node, d]) => (
            <tr key={node} className={node === record.selectedNode ? 'chosen' : d.filter.passed ? '' : 'rejected'}>
              <td className="mono">
                {node === record.selectedNode ? '★ ' : ''}
                {node}
              </td>
              <td>{!d.evaluated ? t('decision.notEvaluated') : d.filter.passed ? `✓ ${t('decision.passed')}` : `✕ ${d.filter.plugin}: ${d.filter.reasons.join('; ')}`}</td>
              {plugins.map((p) => {
                const s = d.scores[p];
                return (
                  <td key={p} className="num" title={s ? `raw ${s.raw}, normalized ${s.normalized} × weight ${s.weight}` : ''}>
                    {s ? (s.skipped ? '–' : s.weighted) : ''}
                  </td>
                );
              })}
              <td className="num">{d.total ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {record.notes.map((n) => (
        <p key={n} className="muted small">
          {translateNote(n, i18n.language)}
        </p>
      ))}
    </div>
  );
}
