// How a running simulated container answers the outside world at a moment of its life: is a
// port open, what does an HTTP GET return. The kubelet's probes and (later) packet traces ask.
import type { HttpAnswer, ListenSpec } from './catalogue';
import type { ContainerProgram } from './simulate';

/** The listener on `port` once the program has had time to start listening. */
export function listenerAt(program: ContainerProgram, port: number, protocol: 'TCP' | 'UDP', sinceStart: number): ListenSpec | undefined {
  if (sinceStart < program.listenAfterMs) return undefined;
  return program.listens.find((l) => l.port === port && l.protocol === protocol);
}

/** The answer to `GET path` on `port`; undefined when nothing listens there (connection refused). */
export function httpAnswerAt(program: ContainerProgram, port: number, path: string, sinceStart: number): HttpAnswer | undefined {
  const l = listenerAt(program, port, 'TCP', sinceStart);
  if (!l) return undefined;
  const clean = path.split('?')[0] || '/';
  if (program.healthFailsAfterMs !== undefined && clean === '/healthz' && sinceStart > program.healthFailsAfterMs) {
    // agnhost liveness: `error: <seconds since start>` with status 500.
    return { status: 500, body: `error: ${(sinceStart / 1000).toFixed(6)}` };
  }
  const hit = l.routes?.[clean];
  if (hit) return hit;
  if (l.catchAll) return l.catchAll;
  return l.notFound ?? { status: 404, body: '404 page not found\n' };
}
