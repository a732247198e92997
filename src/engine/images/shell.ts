// A tiny POSIX-sh subset, enough for the scripts people put in `command: ["sh", "-c", ...]`:
// `;`, `&&`, `||`, `|`, `while/until ...; do ...; done`, `for x in ...; do ...; done`,
// `if ...; then ...; else ...; fi`, `{ ...; }`, and busybox built-ins (echo, sleep, exit, true,
// false, touch, rm, cat, date, hostname, test/[). Running a script yields a timeline of what the
// container does: log lines, files created and removed, and when (and how) it exits. Endless
// loops are detected and described as a repeating period, so the timeline stays finite.
// Output wording follows busybox ash (`sh: foo: not found`, `cat: can't open 'f': No such file
// or directory`).

import { Parser, tokenize, type Node, type Token } from './shellParse';

export type TimelineEvent =
  | { at: number; kind: 'log'; text: string }
  /** A `date` line: rendered with the absolute time when logs are read. */
  | { at: number; kind: 'date' }
  | { at: number; kind: 'touch'; path: string; content: string }
  | { at: number; kind: 'rm'; path: string };

export interface Timeline {
  /** Events before the endless loop (or all events), times in ms since the container started. */
  events: TimelineEvent[];
  /** An endless loop: `events` repeat every `period` ms from `start` on. */
  loop?: { start: number; period: number; events: TimelineEvent[] };
  /** When and how the script ends; undefined while it runs forever. */
  exit?: { at: number; code: number };
  /** What the simulation could not model exactly, for the UI to show. */
  notes: string[];
}

/** Thrown to unwind the interpreter when the script exits or loops forever. */
class Stop {
  constructor(readonly why: 'exit' | 'loop' | 'block') {}
}

const LOOP_PROBE_ITERATIONS = 3;
const MAX_EVENTS = 2000;
const MAX_ITERATIONS = 10000;

export interface ShellOptions {
  env?: Record<string, string>;
  hostname?: string;
  /** Programs the image has besides the shell built-ins; unknown ones print `sh: x: not found`. */
  knownPrograms?: Set<string>;
}

interface ExecState {
  t: number;
  events: TimelineEvent[];
  files: Map<string, string>;
  env: Record<string, string>;
  status: number;
  exitCode?: number;
  loop?: Timeline['loop'];
  notes: Set<string>;
}

/** Parses `duration` arguments of busybox sleep: `5`, `1.5`, `2m`, `1h`, `infinity`. */
export function sleepMs(arg: string): number | null {
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return null;
  const mult = { '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2]] ?? 1000;
  return Math.round(parseFloat(m[1]) * mult);
}

function expand(tok: Token, st: ExecState): string {
  if (tok.t !== 'word') return '';
  return tok.v
    .replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string, b: string) => st.env[a ?? b] ?? '')
    .replace(/\$\(hostname\)|`hostname`/g, st.env.HOSTNAME ?? '');
}

/** Runs a script and returns its timeline. Throws only on internal errors, never on bad input. */
export function runScript(script: string, opts: ShellOptions = {}): Timeline {
  const st: ExecState = {
    t: 0,
    events: [],
    files: new Map(),
    env: { HOSTNAME: opts.hostname ?? '', ...(opts.env ?? {}) },
    status: 0,
    notes: new Set(),
  };
  let ast: Node;
  try {
    ast = new Parser(tokenize(script)).parseList();
  } catch (e) {
    // ash prints the parse error on stderr and exits with status 2.
    st.events.push({ at: 0, kind: 'log', text: `sh: ${(e as Error).message}` });
    return { events: st.events, exit: { at: 0, code: 2 }, notes: [] };
  }
  try {
    exec(ast, st, opts);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    if (e.why === 'block') return { events: st.events, loop: st.loop, notes: [...st.notes] };
    if (e.why === 'loop') return { events: st.events, loop: st.loop, notes: [...st.notes] };
    return { events: st.events, exit: { at: st.t, code: st.exitCode ?? 0 }, notes: [...st.notes] };
  }
  return { events: st.events, exit: { at: st.t, code: st.status }, notes: [...st.notes] };
}

function emit(st: ExecState, ev: TimelineEvent): void {
  if (st.events.length >= MAX_EVENTS) return;
  st.events.push(ev);
}

function exec(node: Node, st: ExecState, opts: ShellOptions): void {
  switch (node.k) {
    case 'seq':
      for (const n of node.items) exec(n, st, opts);
      return;
    case 'and':
      exec(node.a, st, opts);
      if (st.status === 0) exec(node.b, st, opts);
      return;
    case 'or':
      exec(node.a, st, opts);
      if (st.status !== 0) exec(node.b, st, opts);
      return;
    case 'pipe':
      // Simplification: the stages run one after another; the last one's status counts.
      st.notes.add('pipelines run their stages one after another');
      for (const n of node.items) exec(n, st, opts);
      return;
    case 'group':
      exec(node.body, st, opts);
      return;
    case 'if':
      exec(node.cond, st, opts);
      if (st.status === 0) exec(node.then, st, opts);
      else if (node.else) exec(node.else, st, opts);
      else st.status = 0;
      return;
    case 'for': {
      const words = node.words.map((w) => expand(w, st)).flatMap((w) => w.split(/\s+/).filter(Boolean));
      for (const w of words) {
        st.env[node.name] = w;
        exec(node.body, st, opts);
      }
      return;
    }
    case 'while':
      return execLoop(node, st, opts);
    case 'simple':
      return execSimple(node, st, opts);
  }
}

/**
 * Runs a while/until loop. After a few iterations that look the same (same relative events,
 * same duration, same files), the loop is taken to repeat forever with that period.
 */
function execLoop(node: Extract<Node, { k: 'while' }>, st: ExecState, opts: ShellOptions): void {
  let prev: string | undefined;
  let same = 0;
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    exec(node.cond, st, opts);
    const go = node.until ? st.status !== 0 : st.status === 0;
    if (!go) {
      st.status = 0;
      return;
    }
    const start = st.t;
    const before = st.events.length;
    const filesBefore = JSON.stringify([...st.files]);
    exec(node.body, st, opts);
    const period = st.t - start;
    const rel = st.events.slice(before).map((e) => ({ ...e, at: e.at - start }));
    const sig = JSON.stringify([period, rel, filesBefore, JSON.stringify([...st.files])]);
    same = sig === prev ? same + 1 : 0;
    prev = sig;
    if (period === 0 && st.events.length >= MAX_EVENTS) {
      st.notes.add('a busy loop without sleep: only its first output lines are kept');
      throw new Stop('block');
    }
    if (same >= LOOP_PROBE_ITERATIONS - 1 && period > 0) {
      st.events.length = before;
      st.loop = { start, period, events: rel };
      throw new Stop('loop');
    }
  }
  st.notes.add(`a loop ran ${MAX_ITERATIONS} times; the simulation stops following it there`);
  throw new Stop('block');
}

const BUILTINS = new Set(['echo', 'printf', 'sleep', 'exit', 'true', 'false', ':', 'touch', 'rm', 'cat', 'date', 'hostname', 'test', '[', 'exec', 'export', 'tail', 'trap', 'set', 'mkdir', 'cd', 'env', 'printenv', 'cp', 'mv', 'ln', 'chmod', 'chown']);
const NETWORK_TOOLS = new Set(['wget', 'curl', 'nc', 'nslookup', 'ping', 'dig', 'host', 'telnet']);

function execSimple(node: Extract<Node, { k: 'simple' }>, st: ExecState, opts: ShellOptions): void {
  let argv = node.argv.map((t) => expand(t, st));
  // Variable assignments (`i=0`) set the variable and do nothing else.
  while (argv.length && /^\w+=/.test(argv[0])) {
    const [k, ...v] = argv[0].split('=');
    st.env[k] = v.join('=');
    argv = argv.slice(1);
  }
  if (!argv.length) {
    st.status = 0;
    return;
  }
  if (argv[0] === 'exec') argv = argv.slice(1);
  const cmd = argv[0].replace(/^.*\//, '');
  const args = argv.slice(1);
  const out = (text: string) => {
    if (node.redirect) {
      const old = node.redirect.append ? (st.files.get(node.redirect.path) ?? '') : '';
      const content = old + text + '\n';
      if (node.redirect.path !== '/dev/null') {
        st.files.set(node.redirect.path, content);
        emit(st, { at: st.t, kind: 'touch', path: node.redirect.path, content });
      }
    } else emit(st, { at: st.t, kind: 'log', text });
  };
  switch (cmd) {
    case 'echo': {
      const noNewline = args[0] === '-n';
      out((noNewline ? args.slice(1) : args).join(' '));
      st.status = 0;
      return;
    }
    case 'printf':
      out((args[0] ?? '').replace(/\\n$/, '').replace(/%s/g, () => args[1] ?? ''));
      st.status = 0;
      return;
    case 'sleep': {
      const ms = sleepMs(args[0] ?? '');
      if (ms === null) {
        out(`sleep: invalid number '${args[0] ?? ''}'`);
        st.status = 1;
        return;
      }
      if (ms === Infinity) throw new Stop('block');
      st.t += ms;
      st.status = 0;
      return;
    }
    case 'exit':
      st.exitCode = args.length ? parseInt(args[0], 10) & 255 : st.status;
      if (Number.isNaN(st.exitCode)) st.exitCode = 2;
      throw new Stop('exit');
    case 'true':
    case ':':
      st.status = 0;
      return;
    // File installers (e.g. flannel's init containers copying its CNI binary and config onto the
    // host): the copy is not modelled beyond its success.
    case 'cp':
    case 'mv':
    case 'ln':
    case 'chmod':
    case 'chown': {
      const paths = args.filter((a) => !a.startsWith('-'));
      if ((cmd === 'cp' || cmd === 'mv') && paths.length >= 2) {
        const [src, dst] = [paths[paths.length - 2], paths[paths.length - 1]];
        st.files.set(dst, st.files.get(src) ?? '');
        if (cmd === 'mv') st.files.delete(src);
      }
      st.status = 0;
      return;
    }
    case 'false':
      st.status = 1;
      return;
    case 'touch':
      for (const p of args) {
        if (!st.files.has(p)) st.files.set(p, '');
        emit(st, { at: st.t, kind: 'touch', path: p, content: st.files.get(p) ?? '' });
      }
      st.status = 0;
      return;
    case 'rm':
      for (const p of args.filter((a) => !a.startsWith('-'))) {
        st.files.delete(p);
        emit(st, { at: st.t, kind: 'rm', path: p });
      }
      st.status = 0;
      return;
    case 'cat': {
      st.status = 0;
      for (const p of args) {
        const content = st.files.get(p);
        if (content === undefined) {
          emit(st, { at: st.t, kind: 'log', text: `cat: can't open '${p}': No such file or directory` });
          st.status = 1;
        } else if (content) for (const line of content.replace(/\n$/, '').split('\n')) out(line);
      }
      return;
    }
    case 'date':
      if (node.redirect) out('');
      else emit(st, { at: st.t, kind: 'date' });
      st.status = 0;
      return;
    case 'hostname':
      out(st.env.HOSTNAME ?? '');
      st.status = 0;
      return;
    case 'test':
    case '[':
      st.status = evalTest(cmd === '[' ? args.slice(0, -1) : args, st) ? 0 : 1;
      return;
    case 'tail':
      if (args.includes('-f')) throw new Stop('block');
      st.status = 0;
      return;
    case 'export':
      for (const a of args) {
        const [k, ...v] = a.split('=');
        if (v.length) st.env[k] = v.join('=');
      }
      st.status = 0;
      return;
    case 'env':
    case 'printenv':
      for (const [k, v] of Object.entries(st.env)) if (!args.length || args.includes(k)) out(cmd === 'env' || !args.length ? `${k}=${v}` : v);
      st.status = 0;
      return;
    case 'trap':
    case 'set':
    case 'mkdir':
    case 'cd':
      st.status = 0;
      return;
  }
  if (NETWORK_TOOLS.has(cmd)) {
    st.notes.add(`\`${cmd}\` is not simulated: it prints nothing and succeeds at once`);
    st.status = 0;
    return;
  }
  if (opts.knownPrograms?.has(cmd)) {
    st.notes.add(`\`${cmd}\` is not simulated inside scripts: it succeeds at once`);
    st.status = 0;
    return;
  }
  emit(st, { at: st.t, kind: 'log', text: `sh: ${cmd}: not found` });
  st.status = 127;
}

function evalTest(args: string[], st: ExecState): boolean {
  if (args[0] === '!') return !evalTest(args.slice(1), st);
  if (args.length === 2 && (args[0] === '-f' || args[0] === '-e')) return st.files.has(args[1]);
  if (args.length === 2 && args[0] === '-z') return args[1] === '';
  if (args.length === 2 && args[0] === '-n') return args[1] !== '';
  if (args.length === 3) {
    const [a, op, b] = args;
    switch (op) {
      case '=':
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '-eq':
        return +a === +b;
      case '-ne':
        return +a !== +b;
      case '-lt':
        return +a < +b;
      case '-gt':
        return +a > +b;
      case '-le':
        return +a <= +b;
      case '-ge':
        return +a >= +b;
    }
  }
  return args.length === 1 && args[0] !== '';
}

export { BUILTINS as SHELL_BUILTINS, tokenize };
