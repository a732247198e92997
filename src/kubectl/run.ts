// runKubectl: one command line in, kubectl's output out. Tokenizes like a shell, finds the
// command (global flags such as `-n ns` may come first, as cobra allows), parses flags with
// pflag's rules, runs the command and turns errors into kubectl's words and exit codes.
import { FlagError, parseArgs } from './args';
import { KubectlError, Output, type KubectlContext, type KubectlResult } from './context';
import { GLOBAL_FLAGS } from './commands/common';
import { COMMANDS, helpText, NOT_SIMULATED } from './commands/registry';
import { parseNodeShell, runNodeShell } from './nodeShell';
import { unknownCommandText } from './suggest';
import { tokenizeLine } from './tokenize';

/** Splits the words after `kubectl` into the command name and the rest (global flags kept). */
export function splitCommand(words: string[]): { name?: string; rest: string[] } {
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '-n' || w === '--namespace') {
      rest.push(w, words[i + 1] ?? '');
      i++;
      continue;
    }
    if (w.startsWith('-')) {
      rest.push(w);
      continue;
    }
    return { name: w, rest: [...rest, ...words.slice(i + 1)] };
  }
  return { rest };
}

export function runKubectl(line: string, ctx: KubectlContext): KubectlResult {
  const out = new Output();
  try {
    run(line, ctx, out);
  } catch (e) {
    if (e instanceof KubectlError) out.fail(e.message, e.exitCode);
    else if (e instanceof FlagError) out.fail(`error: ${e.message}`);
    else out.fail(`error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return out.result();
}

function run(line: string, ctx: KubectlContext, out: Output): void {
  const tok = tokenizeLine(line);
  if (tok.error) throw new KubectlError(`bash: ${tok.error}`, 2);
  let words = tok.words.map((w) => w.text);
  if (words[0] === 'kubectl') words = words.slice(1);
  if (!words.length) {
    if (tok.words[0]?.text === 'kubectl') out.line(helpText());
    return;
  }
  const node = parseNodeShell(words);
  if (node) {
    runNodeShell(node, ctx, out);
    return;
  }
  const { name, rest } = splitCommand(words);
  if (!name) {
    if (rest.includes('--help') || rest.includes('-h')) out.line(helpText());
    else throw new KubectlError(`error: unknown command for "kubectl"\nRun 'kubectl --help' for usage.`);
    return;
  }
  if (name === 'help') {
    out.line(helpText());
    return;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    if (NOT_SIMULATED.includes(name)) throw new KubectlError(`error: "kubectl ${name}" is not simulated in Kubeglass. Run 'kubectl help' for the commands it simulates.`);
    throw new KubectlError(unknownCommandText(name));
  }
  let args;
  try {
    args = parseArgs(rest, [...GLOBAL_FLAGS, ...cmd.flags]);
  } catch (e) {
    if (e instanceof FlagError) throw new KubectlError(`error: ${e.message}\nSee 'kubectl ${name} --help' for usage.`);
    throw e;
  }
  if (args.flags.get('help')?.includes('true')) {
    out.line(`kubectl ${name}: ${cmd.summary}.\n\nFlags: ${cmd.flags.map((f) => `--${f.name}${f.short ? ` (-${f.short})` : ''}`).join(', ')}\nReference: https://kubernetes.io/docs/reference/kubectl/generated/kubectl_${name.replace(/-/g, '_')}/`);
    return;
  }
  cmd.run(args, ctx, out);
}
