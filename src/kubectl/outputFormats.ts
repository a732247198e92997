// Non-table output of `get` (and `-o` on writes): -o yaml|json|name|jsonpath=...|custom-columns=...
// as cli-runtime/pkg/printers prints them: JSON indented by four spaces, YAML through JSON (so
// keys come out sorted and lists are not indented under their key, as sigs.k8s.io/yaml does),
// several objects wrapped in a `kind: List`, names as `kind.group/name`.
import { stringify } from 'yaml';
import type { KubeObject } from '../engine';
import { KubectlError } from './context';
import { evalJsonPath, evalPath, JsonPathError } from './jsonpath';
import { resourceName } from './format';
import { formatTable } from './table';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; columns: { header: string; path: string }[] };

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export function parseOutputFlag(value: string | undefined): OutputFormat {
  if (value === undefined || value === '') return { kind: 'table', wide: false };
  if (value === 'wide') return { kind: 'table', wide: true };
  if (value === 'yaml' || value === 'json' || value === 'name') return { kind: value };
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? '' : value.slice(eq + 1);
  if (name === 'jsonpath') {
    if (!arg) throw new KubectlError('error: template format specified but no template given');
    return { kind: 'jsonpath', template: arg };
  }
  if (name === 'custom-columns') {
    if (!arg) throw new KubectlError('error: custom-columns format specified but no custom columns given');
    const columns = arg.split(',').map((spec) => {
      const c = spec.indexOf(':');
      if (c < 0) throw new KubectlError(`error: unexpected custom-columns spec: ${spec}, expected <header>:<json-path-expr>`);
      return { header: spec.slice(0, c), path: spec.slice(c + 1) };
    });
    return { kind: 'custom-columns', columns };
  }
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}`);
}

const TOP_ORDER = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const META_ORDER = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];

function ordered(obj: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in obj && obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out) && obj[k] !== undefined) out[k] = obj[k];
  return out;
}

/** Field order of the Go structs for the top level and metadata (what `-o json` shows). */
export function goFieldOrder(o: KubeObject): Record<string, unknown> {
  const top = ordered(o as unknown as Record<string, unknown>, TOP_ORDER);
  if (top.metadata) top.metadata = ordered(top.metadata as Record<string, unknown>, META_ORDER);
  return top;
}

function asList(objects: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects.map(goFieldOrder), kind: 'List', metadata: { resourceVersion: '' } };
}

export function toJson(objects: KubeObject[], single: boolean): string {
  const data = single && objects.length === 1 ? goFieldOrder(objects[0]) : asList(objects);
  return `${JSON.stringify(data, null, 4)}\n`;
}

export function toYaml(objects: KubeObject[], single: boolean): string {
  const data = single && objects.length === 1 ? goFieldOrder(objects[0]) : asList(objects);
  // Round-trip through JSON drops undefined fields, as encoding/json would.
  return stringify(JSON.parse(JSON.stringify(data)), { sortMapEntries: true, indentSeq: false, lineWidth: 0, minContentWidth: 0 });
}

export function toNames(objects: KubeObject[]): string {
  return objects.map((o) => `${resourceName(o.kind, o.apiVersion, o.metadata.name ?? '')}\n`).join('');
}

export function toJsonPath(template: string, objects: KubeObject[], single: boolean): string {
  const data = single && objects.length === 1 ? objects[0] : asList(objects);
  try {
    return evalJsonPath(template, data);
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(`error: error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
}

export function toCustomColumns(columns: { header: string; path: string }[], objects: KubeObject[], noHeaders: boolean): string {
  const rows = objects.map((o) =>
    columns.map((c) => {
      const vals = evalPath(c.path, o);
      return vals.length ? vals.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',') : '<none>';
    }),
  );
  const text = noHeaders ? formatTable(rows[0] ?? [], rows.slice(1)) : formatTable(columns.map((c) => c.header), rows);
  return `${text}\n`;
}
