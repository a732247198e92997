// The --actions file: a YAML list of timed user actions, e.g.
//   - {at: 30s, action: scale, target: deployment/web, replicas: 5}
// Each entry is checked on its own; a bad one is reported with its list index and skipped.
import { parse } from 'yaml';
import { parseDuration, resolveResource, ACTION_NAMES, type Diagnostic, type TimedAction, type UserAction, type Target, type KubeObject } from '../engine';

export function parseActionsFile(text: string, file: string): { actions: TimedAction[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const actions: TimedAction[] = [];
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    diagnostics.push(diag(file, `actions file is not valid YAML: ${error instanceof Error ? error.message : String(error)}`));
    return { actions, diagnostics };
  }
  if (!Array.isArray(doc)) {
    diagnostics.push(diag(file, 'actions file must be a YAML list of {at, action, ...} entries'));
    return { actions, diagnostics };
  }
  doc.forEach((entry, index) => {
    const result = toAction(entry);
    if (typeof result === 'string') diagnostics.push(diag(file, `actions[${index}]: ${result}`));
    else actions.push(result);
  });
  return { actions, diagnostics };
}

function diag(file: string, message: string): Diagnostic {
  return { file, document: 0, line: 1, column: 1, severity: 'error', code: 'invalid-value', message };
}

export function parseTarget(text: unknown): Target | string {
  if (typeof text !== 'string') return 'target must be kind/name or namespace/kind/name';
  const parts = text.split('/');
  const [ns, kindWord, name] = parts.length === 3 ? parts : [undefined, parts[0], parts[1]];
  if (!kindWord || !name) return `target "${text}" must be kind/name or namespace/kind/name`;
  const info = resolveResource(kindWord);
  if (!info) return `the server doesn't have a resource type "${kindWord}"`;
  return { kind: info.kind, namespace: ns, name };
}

function toAction(entry: any): TimedAction | string {
  if (!entry || typeof entry !== 'object') return 'each entry must be a mapping with at and action';
  const at = typeof entry.at === 'number' ? entry.at * 1000 : parseDuration(String(entry.at ?? ''));
  if (at === undefined) return `at must be a duration such as 30s or 2m, got "${entry.at}"`;
  const name = entry.action;
  if (!ACTION_NAMES.includes(name)) return `unknown action "${name}"; known actions: ${ACTION_NAMES.join(', ')}`;
  const target = (key = 'target'): Target | string => parseTarget(entry[key]);
  const withTarget = (build: (t: Target) => UserAction | string): UserAction | string => {
    const t = target();
    return typeof t === 'string' ? t : build(t);
  };
  const needNode = (build: (node: string) => UserAction): UserAction | string => (typeof entry.node === 'string' ? build(entry.node) : 'node is required');
  let action: UserAction | string;
  switch (name as UserAction['type']) {
    case 'apply': {
      const manifest = entry.manifest;
      const objects: KubeObject[] = Array.isArray(manifest) ? manifest : manifest ? [manifest] : [];
      action = objects.length ? { type: 'apply', objects } : 'manifest is required';
      break;
    }
    case 'delete':
      action = withTarget((t) => ({ type: 'delete', target: t, propagationPolicy: entry.propagationPolicy }));
      break;
    case 'scale':
      action = withTarget((t) => (Number.isInteger(entry.replicas) && entry.replicas >= 0 ? { type: 'scale', target: t, replicas: entry.replicas } : 'replicas must be a non-negative integer'));
      break;
    case 'rollout-restart':
    case 'rollout-pause':
    case 'rollout-resume':
      action = withTarget((t) => ({ type: name, target: t }) as UserAction);
      break;
    case 'rollout-undo':
      action = withTarget((t) => ({ type: 'rollout-undo', target: t, toRevision: entry.toRevision }));
      break;
    case 'set-image':
      action = withTarget((t) => (entry.container && entry.image ? { type: 'set-image', target: t, container: String(entry.container), image: String(entry.image) } : 'container and image are required'));
      break;
    case 'label':
    case 'annotate':
      action = withTarget((t) => {
        const map = entry[name === 'label' ? 'labels' : 'annotations'];
        if (!map || typeof map !== 'object') return `${name === 'label' ? 'labels' : 'annotations'} must be a mapping`;
        return name === 'label' ? { type: 'label', target: t, labels: map, overwrite: entry.overwrite } : { type: 'annotate', target: t, annotations: map, overwrite: entry.overwrite };
      });
      break;
    case 'taint':
      action = needNode((node) => ({ type: 'taint', node, key: entry.key, value: entry.value, effect: entry.effect }));
      if (typeof action !== 'string' && (!entry.key || !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(entry.effect))) action = 'taint needs key and effect (NoSchedule, PreferNoSchedule or NoExecute)';
      break;
    case 'untaint':
      action = needNode((node) => ({ type: 'untaint', node, key: entry.key, effect: entry.effect }));
      break;
    case 'cordon':
    case 'uncordon':
    case 'drain':
    case 'stop-kubelet':
    case 'start-kubelet':
      action = needNode((node) => ({ type: name, node }) as UserAction);
      break;
    case 'kill-container':
    case 'fail-probe':
    case 'pass-probe': {
      const pod = parseTarget(typeof entry.pod === 'string' && !entry.pod.includes('pod/') ? (entry.pod.includes('/') ? `${entry.pod.split('/')[0]}/pod/${entry.pod.split('/')[1]}` : `pod/${entry.pod}`) : entry.pod);
      if (typeof pod === 'string') action = pod;
      else if (name === 'kill-container') action = { type: 'kill-container', pod, container: entry.container };
      else action = { type: name, pod, container: entry.container, probe: entry.probe ?? 'readiness' } as UserAction;
      break;
    }
    default:
      action = `unknown action "${name}"`;
  }
  return typeof action === 'string' ? action : { at, action };
}
