// From manifest text to a running cluster at virtual time 0: parse every file, read the
// configuration documents, build the machines, bootstrap the system objects, then create the
// user's objects in document order as `kubectl apply -f` would, reporting each failure on its line.
import type { Diagnostic, KubeObject, SourceRange } from '../api/types';
import { keyOf, refOf } from '../api/types';
import { parseManifests, type ParsedDocument } from '../manifests';
import { resolveClusterConfig } from '../api/clusterConfig';
import { Cluster } from './cluster';
import { machinesFromConfig, machinesFromNodes } from '../bootstrap/machines';
import { bootstrapCluster } from '../bootstrap/bootstrap';
import { wireComponents, admissionPlugins, type EngineConfigs } from './wiring';
import { applyObject } from '../actions/apply';
import type { ManifestFile } from './simulation';

export interface LoadedScene {
  diagnostics: Diagnostic[];
  sources: Map<string, SourceRange>;
  /** The user's objects as written (before defaulting), in document order. */
  userObjects: { object: KubeObject; source: SourceRange }[];
  configs: EngineConfigs;
}

export function loadInto(files: ManifestFile[], seed: number): { cluster: Cluster; scene: LoadedScene } {
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  const configDocs: ParsedDocument[] = [];
  for (const file of files) {
    const parsed = parseManifests(file.text, { file: file.name });
    diagnostics.push(...parsed.diagnostics);
    documents.push(...parsed.documents);
    configDocs.push(...parsed.configDocuments);
  }

  const configs: EngineConfigs = {};
  for (const doc of configDocs) {
    const slot = doc.object.kind === 'ClusterConfig' ? 'cluster' : doc.object.kind === 'KubeProxyConfiguration' ? 'kubeProxy' : 'scheduler';
    if (configs[slot]) {
      diagnostics.push(at(doc, 'warning', 'invalid-value', `A second ${doc.object.kind} document is ignored; the first one in the input is used.`));
      continue;
    }
    configs[slot] = doc.object;
  }
  const { config, errors } = resolveClusterConfig(configs.cluster);
  const clusterDoc = configDocs.find((d) => d.object === configs.cluster);
  for (const e of errors) {
    diagnostics.push(at(clusterDoc, 'error', 'invalid-value', `ClusterConfig is invalid: ${e.path}: ${e.detail}`, e.path));
  }

  const nodeDocs = documents.filter((d) => d.object.kind === 'Node');
  const machines = nodeDocs.length ? machinesFromNodes(nodeDocs.map((d) => d.object)) : machinesFromConfig(config);

  const cluster = new Cluster(config, seed, (c) => admissionPlugins(c));
  wireComponents(cluster, machines, configs);
  bootstrapCluster(cluster, machines);

  // The cluster has been up a moment before the user's first request: its controllers have
  // done their start-up work (default ServiceAccounts, Node registration, podCIDRs).
  runUntil(cluster, CLUSTER_WARMUP_MS);

  const sources = new Map<string, SourceRange>();
  const userObjects: LoadedScene['userObjects'] = [];
  for (const doc of documents) {
    // kubectl sends one request per object and waits for the answer: a few ms apart, so a
    // Namespace created just before is already seen by the controllers (e.g. its default
    // ServiceAccount exists) when the next object arrives.
    runUntil(cluster, cluster.now() + KUBECTL_REQUEST_MS);
    if (doc.object.kind === 'Node') {
      sources.set(keyOf(refOf(doc.object)), doc.source);
      continue; // machines: registered by their kubelets
    }
    const fromList = doc.source.item !== undefined;
    const result = applyObject(cluster, doc.object, { keepStatus: config.importStatus || fromList });
    if (!result.ok) {
      // Point at the first field the API server named, as `path.to[0].field`.
      diagnostics.push(at(doc, 'error', codeFor(result.message), result.message, result.error?.causes[0]?.path));
      continue;
    }
    userObjects.push({ object: doc.object, source: doc.source });
    if (result.object) sources.set(keyOf(refOf(result.object)), doc.source);
  }
  diagnostics.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line || a.column - b.column);
  return { cluster, scene: { diagnostics, sources, userObjects, configs } };
}

/** Virtual time the cluster runs before the user's manifests are applied. */
export const CLUSTER_WARMUP_MS = 50;
/** Round trip of one kubectl request. */
export const KUBECTL_REQUEST_MS = 5;

function runUntil(cluster: Cluster, t: number): void {
  for (let next = cluster.nextTaskTime(); next !== undefined && next <= t; next = cluster.nextTaskTime()) cluster.step();
  cluster.advanceTo(t);
}

/** `spec.containers[0].image` -> ['spec', 'containers', 0, 'image'] (also `metadata.labels[app]`). */
export function fieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[[^\]]*\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[([^\]]*)\]/g)) out.push(/^\d+$/.test(idx[1]) ? Number(idx[1]) : idx[1]);
  }
  return out;
}

function codeFor(message: string): Diagnostic['code'] {
  if (message.includes('(AlreadyExists)')) return 'already-exists';
  if (message.includes('(NotFound)')) return 'not-found';
  if (message.includes('strict decoding error')) return 'unknown-field';
  return 'invalid-value';
}

function at(doc: ParsedDocument | undefined, severity: Diagnostic['severity'], code: Diagnostic['code'], message: string, path?: string): Diagnostic {
  const pos = doc && path ? doc.locate(fieldPath(path)) : undefined;
  return {
    file: doc?.source.file,
    document: doc?.source.document ?? 0,
    line: pos?.line ?? doc?.source.startLine ?? 1,
    column: pos?.column ?? 1,
    severity,
    code,
    message,
  };
}
