// The shapes every part of the engine shares: API objects as plain JSON, object references,
// diagnostics with source positions, and the watch events the UI animates from.
import type { ObjectMeta as ReadonlyObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

export type { OwnerReference };

/** kubernetes-types marks server-set fields readonly; the engine is the server, so it writes them. */
export type ObjectMeta = { -readonly [K in keyof ReadonlyObjectMeta]: ReadonlyObjectMeta[K] };

/** Any Kubernetes API object as stored: plain JSON, never mutated after it is written. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [field: string]: unknown;
}

/** Identifies one object in the store. namespace is '' for cluster-scoped kinds. */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** Why a document was not (fully) accepted; codes group diagnostics for counting and tests. */
export type DiagnosticCode =
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'alias-limit'
  | 'too-large'
  | 'not-an-object'
  | 'missing-apiversion-kind'
  | 'unknown-kind'
  | 'removed-api'
  | 'config-kind'
  | 'unknown-field'
  | 'invalid-value'
  | 'required-value'
  | 'already-exists'
  | 'not-found'
  | 'unsupported'
  | 'simplified'
  | 'status-dropped';

/** A message about the user's input, pointing at a place in it (1-based line and column). */
export interface Diagnostic {
  file?: string;
  /** 0-based index of the YAML document in its file. */
  document: number;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
}

/** Where an object came from in the user's text (1-based, inclusive lines). */
export interface SourceRange {
  file?: string;
  document: number;
  /** Index inside a `kind: List` document, when the object was one of its items. */
  item?: number;
  startLine: number;
  endLine: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One write to the API store, as a watcher sees it, plus who wrote it and why. */
export interface WatchEvent {
  /** Position in the event log, from 0. */
  index: number;
  /** Virtual time in milliseconds since the simulation started. */
  t: number;
  type: WatchEventType;
  kind: string;
  namespace: string;
  name: string;
  resourceVersion: string;
  /** The component that made the write, e.g. `kubectl`, `deployment-controller`, `kubelet/node-1`. */
  component: string;
  /** A short reason in the component's words, e.g. `SuccessfulCreate`, `Scheduled`. */
  reason: string;
  /** The object after the write (before it, for DELETED). Never mutated. */
  object: KubeObject;
}

export function refOf(obj: KubeObject): ObjectRef {
  return { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '' };
}

export function keyOf(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}
