// What a container does, given its image, command and args: the program the runtime starts
// (Kubernetes semantics: `command` replaces the image ENTRYPOINT, `args` replaces CMD; see
// "Define a Command and Arguments for a Container" and kuberuntime_container.go), its log
// output and files over time, when it exits and with which code, which ports it listens on,
// how much memory it uses, and how it stops on SIGTERM.
import { FALLBACK_IMAGE, imageProfile, lookupImage, type HttpAnswer, type ImageProfile, type ListenSpec } from './catalogue';
import { runScript, SHELL_BUILTINS, type Timeline } from './shell';

export interface ContainerProgramInput {
  image: string;
  command?: string[];
  args?: string[];
  env?: Record<string, string>;
  /** The pod's hostname (its name), for `hostname`, serve-hostname and netexec. */
  hostname?: string;
  /** The container's declared ports: an unknown image is taken to listen on these. */
  containerPorts?: { containerPort: number; protocol?: string }[];
}

export interface ContainerProgram {
  profile: ImageProfile;
  /** Whether the catalogue knows the image (false: FALLBACK_IMAGE behaviour). */
  known: boolean;
  /** The process the runtime executes (entrypoint + cmd after overrides). */
  argv: string[];
  /** Set when the runtime cannot start the process; the container ends with StartError. */
  startError?: string;
  timeline: Timeline;
  listens: ListenSpec[];
  listenAfterMs: number;
  /** agnhost liveness: /healthz answers 200 for 10 s, then 500 (test/images/agnhost/liveness). */
  healthFailsAfterMs?: number;
  memoryBytes: number;
  stopMs: number;
  sigtermExitCode: number;
  notes: string[];
}

const ENTRYPOINT_WRAPPERS = new Set(['docker-entrypoint.sh', '/docker-entrypoint.sh', '/usr/local/bin/docker-entrypoint.sh']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

const base = (s: string) => s.replace(/^.*\//, '');
const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

/** The argv the runtime runs: command ?? ENTRYPOINT, then args ?? (command ? [] : CMD). */
export function effectiveArgv(profile: ImageProfile, command?: string[], args?: string[]): string[] {
  if (command && command.length) return [...command, ...(args ?? [])];
  return [...profile.entrypoint, ...(args ?? profile.cmd)];
}

function execNotFound(cmd: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${cmd}": executable file not found in $PATH: unknown`;
}

function server(profile: ImageProfile, argv: string[], listens: ListenSpec[], extra: Partial<ContainerProgram> = {}): ContainerProgram {
  return {
    profile,
    known: profile !== FALLBACK_IMAGE,
    argv,
    timeline: { events: (profile.startupLogs ?? []).map((text) => ({ at: 0, kind: 'log' as const, text })), notes: [] },
    listens,
    listenAfterMs: profile.listenAfterMs ?? 0,
    memoryBytes: profile.memoryBytes,
    stopMs: profile.stopMs,
    sigtermExitCode: profile.sigtermExitCode,
    notes: [],
    ...extra,
  };
}

function scriptProgram(profile: ImageProfile, argv: string[], script: string, input: ContainerProgramInput): ContainerProgram {
  const timeline = runScript(script, { env: input.env, hostname: input.hostname, knownPrograms: new Set(profile.programs ?? []) });
  return {
    profile,
    known: profile !== FALLBACK_IMAGE,
    argv,
    timeline,
    listens: [],
    listenAfterMs: 0,
    memoryBytes: profile.memoryBytes,
    // A shell as PID 1 does not handle SIGTERM; it dies at the end of the grace period.
    stopMs: Infinity,
    sigtermExitCode: 143,
    notes: timeline.notes,
  };
}

/** `--flag=value` or `--flag value`. */
function flag(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) return args[i + 1];
    if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
  }
  return undefined;
}

function agnhost(profile: ImageProfile, argv: string[], input: ContainerProgramInput): ContainerProgram {
  const [sub, ...rest] = argv.slice(1);
  const host = input.hostname ?? '';
  const log = (text: string) => ({ at: 0, kind: 'log' as const, text });
  switch (sub) {
    case 'netexec': {
      const port = Number(flag(rest, '--http-port') ?? 8080);
      const udp = Number(flag(rest, '--udp-port') ?? 8081);
      const routes: Record<string, HttpAnswer> = {
        '/hostname': { status: 200, body: host },
        '/healthz': { status: 200, body: '' },
        '/echo': { status: 200, body: '' },
      };
      const p = server(profile, argv, [
        { port, protocol: 'TCP', app: 'http', routes, catchAll: { status: 200, body: 'NOW: {{now}}' } },
        ...(udp > 0 ? [{ port: udp, protocol: 'UDP' as const, app: 'tcp' as const }] : []),
      ]);
      p.timeline.events = [log(`Started HTTP server on port ${port}`), ...(udp > 0 ? [log(`Started UDP server on port  ${udp}`)] : [])];
      return p;
    }
    case 'serve-hostname': {
      const port = Number(flag(rest, '--port') ?? 9376);
      const p = server(profile, argv, [{ port, protocol: 'TCP', app: 'http', catchAll: { status: 200, body: host } }]);
      p.timeline.events = [log(`Serving on port ${port}.`)];
      return p;
    }
    case 'liveness': {
      const p = server(profile, argv, [{ port: 8080, protocol: 'TCP', app: 'http', routes: { '/healthz': { status: 200, body: 'ok' } } }]);
      p.healthFailsAfterMs = 10_000;
      return p;
    }
    case 'test-webserver': {
      const port = Number(flag(rest, '--port') ?? 80);
      return server(profile, argv, [{ port, protocol: 'TCP', app: 'http', catchAll: { status: 200, body: 'hello' } }]);
    }
    case 'grpc-health-checking': {
      const port = Number(flag(rest, '--port') ?? 5000);
      const httpPort = Number(flag(rest, '--http-port') ?? 8080);
      return server(profile, argv, [
        { port, protocol: 'TCP', app: 'grpc' },
        { port: httpPort, protocol: 'TCP', app: 'http', routes: {} },
      ]);
    }
    case 'pause':
    case undefined: {
      const p = server(profile, argv, []);
      p.timeline.events = [log('Paused')];
      return p;
    }
    default: {
      const p = server(profile, argv, []);
      p.timeline = {
        events: [log(`Error: unknown command "${sub}" for "agnhost"`), log("Run 'agnhost --help' for usage.")],
        exit: { at: 0, code: 1 },
        notes: [],
      };
      return p;
    }
  }
}

/** stress's size suffixes are binary (B, K, M, G). */
function stressBytes(s: string | undefined): number {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(s ?? '');
  if (!m) return 256 << 20;
  const mult = { '': 1, b: 1, k: 1024, m: 1 << 20, g: 1 << 30 }[m[2].toLowerCase()] ?? 1;
  return Number(m[1]) * mult;
}

function stress(profile: ImageProfile, argv: string[]): ContainerProgram {
  const args = argv.slice(1);
  const vm = Number(flag(args, '--vm') ?? flag(args, '-m') ?? 0);
  const bytes = stressBytes(flag(args, '--vm-bytes'));
  const timeout = flag(args, '--timeout') ?? flag(args, '-t');
  const p = server(profile, argv, []);
  p.memoryBytes = profile.memoryBytes + vm * bytes;
  p.timeline = {
    events: [{ at: 0, kind: 'log', text: `stress: info: [1] dispatching hogs: ${Number(flag(args, '--cpu') ?? 0)} cpu, ${Number(flag(args, '--io') ?? 0)} io, ${vm} vm, 0 hdd` }],
    exit: timeout ? { at: Number.parseInt(timeout, 10) * 1000, code: 0 } : undefined,
    notes: [],
  };
  return p;
}

/** Simulates the program a container runs. Pure: same input, same program. */
export function simulateContainer(input: ContainerProgramInput): ContainerProgram {
  const known = lookupImage(input.image);
  const profile = known ?? FALLBACK_IMAGE;
  let argv = effectiveArgv(profile, input.command, input.args);
  if (!known) {
    // Unknown image: whatever it runs, it keeps running and serves its declared ports.
    const listens: ListenSpec[] = (input.containerPorts ?? []).map((p) => ({
      port: p.containerPort,
      protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP',
      app: 'http',
      catchAll: { status: 200, body: '' },
    }));
    const prog = server(FALLBACK_IMAGE, argv, listens);
    prog.notes = [FALLBACK_IMAGE.description];
    return prog;
  }
  if (argv.length && ENTRYPOINT_WRAPPERS.has(argv[0])) argv = argv.slice(1).length ? argv.slice(1) : argv;
  const cmd = base(argv[0] ?? '');
  if (profile.kind === 'pause' || cmd === 'pause') return server(profile, argv, []);
  if (profile.kind === 'agnhost' && (cmd === 'agnhost' || argv[0] === '/agnhost')) return agnhost(profile, argv, input);
  if (profile.kind === 'stress' && cmd === 'stress') return stress(profile, argv);
  if (profile.serverPrograms?.some((p) => base(p) === cmd)) {
    return server(profile, argv, profile.listens ?? []);
  }
  if (SHELLS.has(cmd)) {
    const cFlag = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    if (cFlag > 0) return scriptProgram(profile, argv, argv[cFlag + 1] ?? '', input);
    if (argv.length > 1 && !argv[1].startsWith('-')) {
      return scriptProgram(profile, argv, `echo "${cmd}: can't open '${argv[1]}': No such file or directory"; exit 2`, input);
    }
    // No script and no terminal: the shell reads EOF from stdin and exits 0 at once.
    return scriptProgram(profile, argv, 'exit 0', input);
  }
  if (SHELL_BUILTINS.has(cmd) || profile.programs?.includes(cmd)) {
    if (SHELL_BUILTINS.has(cmd)) return scriptProgram(profile, argv, argv.map(quote).join(' '), input);
    const prog = server(profile, argv, []);
    prog.notes = [`\`${cmd}\` is not simulated: it runs until stopped`];
    return prog;
  }
  const prog = server(profile, argv, []);
  prog.startError = execNotFound(argv[0] ?? '');
  return prog;
}

/** The profile, for callers that only need image facts (size, stop time). */
export { imageProfile };
