// Probes as the kubelet's prober runs them (pkg/kubelet/prober/prober.go, worker.go and
// pkg/probe/{http,tcp,exec,grpc}): each worker ticks every periodSeconds from the container's
// start, skips ticks before initialDelaySeconds, holds liveness/readiness back until the
// startup probe has succeeded, and changes the result only after successThreshold /
// failureThreshold equal results in a row. The simulated image decides the answer.
import { httpAnswerAt, listenerAt } from '../images/answers';
import { fileExistsAt } from '../images/logs';
import { runScript } from '../images/shell';
import type { ContainerProgram } from '../images/simulate';
import type { ContainerRuntime, ProbeState, ProbeType } from './types';

export interface ProbeOutcome {
  ok: boolean;
  output: string;
  /** The HTTP exchange, when the server answered (for its access log). */
  http?: { path: string; status: number; bytes: number };
}

export const PROBE_TYPES: ProbeType[] = ['startup', 'liveness', 'readiness'];
const SPEC_FIELD: Record<ProbeType, string> = { startup: 'startupProbe', liveness: 'livenessProbe', readiness: 'readinessProbe' };
const TITLE: Record<ProbeType, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

export function probeSpec(containerSpec: any, type: ProbeType): any | undefined {
  return containerSpec?.[SPEC_FIELD[type]];
}

export function probeTitle(type: ProbeType): string {
  return TITLE[type];
}

/** API defaults (pkg/apis/core/v1/defaults.go SetDefaults_Probe). */
export function probeTiming(p: any): { initialDelayMs: number; periodMs: number; timeoutMs: number; success: number; failure: number } {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, p.periodSeconds ?? 10) * 1000,
    timeoutMs: Math.max(1, p.timeoutSeconds ?? 1) * 1000,
    success: Math.max(1, p.successThreshold ?? 1),
    failure: Math.max(1, p.failureThreshold ?? 3),
  };
}

/** Resolves a probe port: a number, or the name of one of the container's ports. */
function resolvePort(port: number | string, containerSpec: any): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return (containerSpec.ports ?? []).find((p: any) => p.name === port)?.containerPort;
}

/** The worker's next tick after `t` (ticks are anchor + k*period). */
export function nextTick(anchor: number, periodMs: number, t: number): number {
  return anchor + (Math.floor((t - anchor) / periodMs) + 1) * periodMs;
}

/**
 * The first tick a worker acts on for a container started at `startedAt`: the worker ticks
 * from `anchor` (when the pod was added), and ticks before initialDelaySeconds do nothing.
 * A readiness probe also runs at `manualTriggerAt` (prober_manager.go UpdatePodStatus triggers
 * it when the status shows the container started but not ready).
 */
export function firstProbeTick(startedAt: number, p: any, anchor = startedAt, manualTriggerAt?: number): number {
  const { initialDelayMs, periodMs } = probeTiming(p);
  const earliest = startedAt + initialDelayMs;
  let tick = anchor + Math.max(0, Math.ceil((earliest - anchor) / periodMs)) * periodMs;
  if (manualTriggerAt !== undefined && manualTriggerAt >= earliest) tick = Math.min(tick, manualTriggerAt);
  return tick;
}

/** Initial results (prober/worker.go newWorker): readiness Failure, liveness Success, startup Unknown. */
export function newProbeState(type: ProbeType, startedAt: number, p: any, anchor = startedAt, manualTriggerAt?: number): ProbeState {
  return {
    nextAt: firstProbeTick(startedAt, p, anchor, type === 'readiness' ? manualTriggerAt : undefined),
    anchor,
    result: type === 'readiness' ? 'failure' : type === 'liveness' ? 'success' : 'unknown',
    run: 0,
  };
}

/** Runs one probe against the simulated program, `sinceStart` ms into its life. */
export function runProbe(p: any, containerSpec: any, program: ContainerProgram, podIP: string, sinceStart: number): ProbeOutcome {
  if (p.httpGet) {
    const port = resolvePort(p.httpGet.port, containerSpec);
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = p.httpGet.host || podIP;
    const path = p.httpGet.path ?? '/';
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    if (port === undefined) return { ok: false, output: `unable to resolve port "${p.httpGet.port}"` };
    const l = listenerAt(program, port, 'TCP', sinceStart);
    if (!l) return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (l.app === 'https' && scheme === 'http') return { ok: false, output: 'HTTP probe failed with statuscode: 400' };
    if (l.app === 'http' && scheme === 'https') return { ok: false, output: `Get "${url}": http: server gave HTTP response to HTTPS client` };
    if (l.app !== 'http' && l.app !== 'https') return { ok: false, output: `Get "${url}": EOF` };
    const answer = httpAnswerAt(program, port, path, sinceStart)!;
    const http = { path, status: answer.status, bytes: answer.bytes ?? answer.body.length };
    if (answer.status >= 200 && answer.status < 400) return { ok: true, output: '', http };
    return { ok: false, output: `HTTP probe failed with statuscode: ${answer.status}`, http };
  }
  if (p.tcpSocket) {
    const port = resolvePort(p.tcpSocket.port, containerSpec);
    const host = p.tcpSocket.host || podIP;
    if (port !== undefined && listenerAt(program, port, 'TCP', sinceStart)) return { ok: true, output: '' };
    return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (p.grpc) {
    const port = p.grpc.port as number;
    const l = listenerAt(program, port, 'TCP', sinceStart);
    if (l?.app === 'grpc') return { ok: true, output: '' };
    const timeout = `${Math.max(1, p.timeoutSeconds ?? 1)}s`;
    return { ok: false, output: `timeout: failed to connect service "${podIP}:${port}" within ${timeout}: context deadline exceeded` };
  }
  if (p.exec) return runExecProbe(p.exec.command ?? [], program, sinceStart);
  return { ok: false, output: 'missing probe handler' };
}

/** An exec probe runs its command in the container's current file system state. */
function runExecProbe(argv: string[], program: ContainerProgram, sinceStart: number): ProbeOutcome {
  if (!argv.length) return { ok: false, output: 'missing probe handler' };
  const cmd = argv[0].replace(/^.*\//, '');
  const script = /^(sh|bash|ash)$/.test(cmd) && argv[1]?.includes('c') ? (argv[2] ?? '') : argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
  // Files the container created by this moment decide `cat`/`test -f`.
  const files = new Set<string>();
  for (const ev of [...program.timeline.events, ...(program.timeline.loop?.events ?? [])]) if (ev.kind === 'touch') files.add(ev.path);
  const prefix = [...files].filter((f) => fileExistsAt(program, f, sinceStart)).map((f) => `touch ${f};`).join(' ');
  const known = new Set(program.profile.programs ?? []);
  const tl = runScript(`${prefix} ${script}`, { knownPrograms: known });
  const output = tl.events.filter((e) => e.kind === 'log').map((e) => (e as { text: string }).text).join('\n');
  const code = tl.exit?.code ?? 0;
  if (code === 127 && !/^(sh|bash|ash)$/.test(cmd)) {
    return { ok: false, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown` };
  }
  return code === 0 ? { ok: true, output } : { ok: false, output: output || `command ${JSON.stringify(argv.join(' '))} exited with ${code}` };
}

/**
 * worker.doProbe's bookkeeping: count equal results in a row; the result the kubelet acts on
 * changes only at the threshold. Returns the new acted-on result when it changed.
 */
export function recordProbeResult(state: ProbeState, result: 'success' | 'failure', p: any): ProbeState['result'] | undefined {
  const { success, failure } = probeTiming(p);
  if (state.lastResult === result) state.run++;
  else {
    state.lastResult = result;
    state.run = 1;
  }
  if ((result === 'failure' && state.run < failure) || (result === 'success' && state.run < success)) return undefined;
  const changed = state.result !== result;
  state.result = result;
  return changed ? result : undefined;
}

/** Whether the container has any probe of this type configured. */
export function hasProbe(c: ContainerRuntime, type: ProbeType): boolean {
  return c.probes[type] !== undefined;
}
