// cobra's "Did you mean this?" for unknown commands (spf13/cobra command.go SuggestionsFor,
// findSuggestions): commands within Levenshtein distance 2 (ignoring case) or starting with
// what was typed, in cobra's sorted command order.

/** The commands `kubectl --help` lists in v1.34 (plus cobra's help), sorted as cobra sorts them. */
export const KUBECTL_COMMANDS = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events',
  'exec', 'explain', 'expose', 'get', 'help', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward',
  'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
];

/** Levenshtein distance (cobra's ld). */
export function levenshtein(s: string, t: string, ignoreCase = true): number {
  if (ignoreCase) {
    s = s.toLowerCase();
    t = t.toLowerCase();
  }
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      d[i][j] = s[i - 1] === t[j - 1] ? d[i - 1][j - 1] : Math.min(d[i - 1][j], d[i][j - 1], d[i - 1][j - 1]) + 1;
    }
  }
  return d[s.length][t.length];
}

export function suggestionsFor(typed: string, commands: readonly string[] = KUBECTL_COMMANDS, minDistance = 2): string[] {
  return commands.filter((c) => levenshtein(typed, c) <= minDistance || c.toLowerCase().startsWith(typed.toLowerCase()));
}

export function unknownCommandText(typed: string, path = 'kubectl', commands: readonly string[] = KUBECTL_COMMANDS): string {
  const s = suggestionsFor(typed, commands);
  const more = s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '';
  return `error: unknown command "${typed}" for "${path}"${more}`;
}
