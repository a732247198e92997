// What a kubectl command runs against and what it gives back. Commands are pure functions of
// the context: reads look at `snapshot`; writes go through `act` (the store's action runner,
// shared with the buttons and the CLI) and are also returned as data.
import type { ActionResult, KubeObject, Snapshot, UserAction, WatchEvent } from '../engine';
import type { ClusterConfig } from '../engine/api/clusterConfig';
import type { KubectlWatch } from './watch';

export interface KubectlContext {
  /** The cluster as reads see it (the console passes the snapshot at the timeline cursor). */
  snapshot: Snapshot;
  /** The simulated cluster's shape (CNI, domain, service range, kube-proxy mode). */
  config: ClusterConfig;
  /** The user's KubeProxyConfiguration document, if the manifests carry one. */
  kubeProxy?: KubeObject;
  /** Runs a write. Without it, writes are only returned in `actions` (a dry run). */
  act?: (action: UserAction) => ActionResult;
  /**
   * Reads a file named by `-f`. The console maps every name (and `-`) to the editor buffer;
   * undefined means the file does not exist.
   */
  readFile?: (path: string) => string | undefined;
  /** The watch log, for `get -w` to follow (events after the snapshot's eventIndex). */
  events?: readonly WatchEvent[];
  /** Namespace when none is given (kubeconfig context namespace); default "default". */
  namespace?: string;
}

export interface KubectlResult {
  /** Everything printed, stdout and stderr interleaved in the order kubectl prints them. */
  output: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The writes the command made (or would make, without `ctx.act`), in order. */
  actions: UserAction[];
  /** Set for `get -w`: feed it new watch events to print the rows kubectl would stream. */
  watch?: KubectlWatch;
}

/** Collects output in order, remembering which stream each piece went to. */
export class Output {
  private parts: { text: string; err: boolean }[] = [];
  actions: UserAction[] = [];
  exitCode = 0;
  watch?: KubectlWatch;

  out(text: string): void {
    if (text) this.parts.push({ text, err: false });
  }

  /** A line on stdout (newline added). */
  line(text: string): void {
    this.out(`${text}\n`);
  }

  err(text: string): void {
    if (text) this.parts.push({ text: text.endsWith('\n') ? text : `${text}\n`, err: true });
  }

  /** kubectl's failure: message on stderr, exit code 1. */
  fail(text: string, code = 1): void {
    this.err(text);
    this.exitCode = code;
  }

  result(): KubectlResult {
    const join = (pred: (p: { err: boolean }) => boolean) => this.parts.filter(pred).map((p) => p.text).join('');
    return {
      output: join(() => true),
      stdout: join((p) => !p.err),
      stderr: join((p) => p.err),
      exitCode: this.exitCode,
      actions: this.actions,
      ...(this.watch ? { watch: this.watch } : {}),
    };
  }
}

/** An error that ends the command with kubectl's text on stderr. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Runs a write through the context and records it. Returns the engine's kubectl-worded result. */
export function perform(ctx: KubectlContext, out: Output, action: UserAction): ActionResult {
  out.actions.push(action);
  if (!ctx.act) return { ok: true, message: '' };
  return ctx.act(action);
}

export function nowOf(ctx: KubectlContext): number {
  return ctx.snapshot.time;
}

export function listKind(ctx: KubectlContext, kind: string): KubeObject[] {
  return ctx.snapshot.objects[kind] ?? [];
}

export function findObject(ctx: KubectlContext, kind: string, namespace: string, name: string): KubeObject | undefined {
  return listKind(ctx, kind).find((o) => o.metadata.name === name && (o.metadata.namespace ?? '') === namespace);
}
