// Tab completion for the console, in the spirit of kubectl's cobra completion (__complete):
// command names, subcommands, resource types, object names of the type being typed (also in
// TYPE/NAME form), flag names, and values for -n, -o, -c. Pure: the console applies the result.
import { KINDS, resolveResource } from '../engine';
import type { FlagSpec } from './args';
import { listKind, type KubectlContext } from './context';
import { GLOBAL_FLAGS } from './commands/common';
import { COMMANDS } from './commands/registry';
import { splitCommand } from './run';
import { tokenizeLine } from './tokenize';

export interface Completion {
  /** Offsets in the line of the word the candidates replace. */
  from: number;
  to: number;
  /** What the word may become, sorted. */
  candidates: string[];
}

const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns='];
const NODE_COMMANDS = ['ip', 'bridge', 'iptables-save', 'ipvsadm', 'cat'];

function resourceWords(withAll: boolean): string[] {
  const words = new Set<string>();
  for (const k of KINDS) {
    words.add(k.plural);
    for (const s of k.shortNames ?? []) words.add(s);
  }
  if (withAll) words.add('all');
  return [...words];
}

function namesOf(ctx: KubectlContext, typeWord: string, namespace: string): string[] {
  const info = resolveResource(typeWord);
  if (!info) return [];
  return listKind(ctx, info.kind)
    .filter((o) => !info.namespaced || (o.metadata.namespace ?? '') === namespace)
    .map((o) => o.metadata.name ?? '');
}

function flagTakesValue(flags: FlagSpec[], word: string): FlagSpec | undefined {
  if (word.startsWith('--')) {
    if (word.includes('=')) return undefined;
    const f = flags.find((x) => x.name === word.slice(2));
    return f && f.type !== 'bool' ? f : undefined;
  }
  if (word.startsWith('-') && word.length === 2) {
    const f = flags.find((x) => x.short === word[1]);
    return f && f.type !== 'bool' ? f : undefined;
  }
  return undefined;
}

export function complete(line: string, ctx: KubectlContext): Completion {
  const tok = tokenizeLine(line);
  const words = tok.words;
  const endsWithSpace = line === '' || /\s$/.test(line);
  const current = endsWithSpace || !words.length ? { text: '', start: line.length, end: line.length } : words[words.length - 1];
  const before = (endsWithSpace ? words : words.slice(0, -1)).map((w) => w.text);
  const prefix = current.text;
  const done = (cands: string[]): Completion => ({
    from: current.start,
    to: current.end,
    candidates: [...new Set(cands.filter((c) => c.startsWith(prefix)))].sort(),
  });
  const args = before[0] === 'kubectl' ? before.slice(1) : before;
  const nodes = listKind(ctx, 'Node').map((n) => n.metadata.name ?? '');

  if (args[0] === 'ssh' || args[0] === 'node') {
    if (args.length === 1) return done(nodes);
    if (args.length === 2) return done(NODE_COMMANDS);
    if (args[2] === 'ip' && args.length === 3) return done(['addr', 'route', 'neigh']);
    if (args[2] === 'bridge' && args.length === 3) return done(['fdb']);
    if (args[2] === 'ipvsadm' && args.length === 3) return done(['-ln']);
    return done([]);
  }

  const { name, rest } = splitCommand(args);
  if (!name) return done([...Object.keys(COMMANDS), 'help', 'ssh']);
  const cmd = COMMANDS[name];
  if (!cmd) return done([]);
  const flags = [...GLOBAL_FLAGS, ...cmd.flags];
  const namespaceIdx = Math.max(rest.lastIndexOf('-n'), rest.lastIndexOf('--namespace'));
  const namespace = namespaceIdx >= 0 ? rest[namespaceIdx + 1] ?? ctx.namespace ?? 'default' : ctx.namespace ?? 'default';

  const last = rest[rest.length - 1];
  const valueFlag = last !== undefined ? flagTakesValue(flags, last) : undefined;
  if (valueFlag) {
    if (valueFlag.name === 'namespace') return done(listKind(ctx, 'Namespace').map((n) => n.metadata.name ?? ''));
    if (valueFlag.name === 'output') return done(OUTPUT_FORMATS);
    if (valueFlag.name === 'filename') return done(['-', 'manifest.yaml']);
    if (valueFlag.name === 'container') return done(listKind(ctx, 'Pod').flatMap((p) => (p.spec?.containers ?? []).map((c: { name: string }) => c.name)));
    return done([]);
  }
  if (prefix.startsWith('-')) return done(flags.flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

  // Positional words typed so far (flags and their values skipped).
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (w.startsWith('-')) {
      if (flagTakesValue(flags, w)) i++;
      continue;
    }
    positional.push(w);
  }
  let pos = positional;
  if (cmd.subcommands) {
    if (!pos.length) return done(cmd.subcommands);
    pos = pos.slice(1);
  }
  if ((name === 'logs' || name === 'exec') && !prefix.includes('/')) return pos.length ? done([]) : done(namesOf(ctx, 'pods', namespace));
  if (name === 'cordon' || name === 'uncordon' || name === 'drain') return done(nodes);
  if (name === 'create' || name === 'run' || name === 'apply' || name === 'version' || name === 'api-resources' || name === 'api-versions' || name === 'cluster-info') return done([]);

  // Resource commands: TYPE then NAMEs, or TYPE/NAME.
  if (prefix.includes('/')) {
    const slash = prefix.indexOf('/');
    const type = prefix.slice(0, slash);
    return done(namesOf(ctx, type, namespace).map((n) => `${type}/${n}`));
  }
  if (!pos.length) return done(resourceWords(name === 'get'));
  if (pos[0].includes('/')) return done(resourceWords(false).map((w) => `${w}/`));
  if (name === 'taint' && pos.length >= 1) return done(nodes);
  if (pos[0].includes(',')) return done([]);
  return done(namesOf(ctx, pos[0], namespace));
}
