// Describers for kinds without a dedicated layout in Kubeglass: ConfigMap and Namespace as
// describe.go lays them out, and everything else the way GenericDescriberFor does
// (printUnstructuredContent: Name/Namespace/Labels/Annotations, then the remaining fields with
// smartLabelFor's "API Version"-style labels, keys sorted, nested maps indented).
// Simplified: list items print one field per line without Go's exact bullet layout.
import type { KubeObject } from '../../engine';
import { describeEvents } from './events';
import { annotationsMultiline, DescribeWriter, labelsMultiline } from './writer';

const ACRONYMS = new Set(['API', 'CIDR', 'CPU', 'DNS', 'HTTP', 'ID', 'IP', 'IPs', 'TCP', 'TLS', 'UDP', 'UID', 'URL']);

/** smartLabelFor: camelCase to words, first letter up, known acronyms upper-cased. */
export function smartLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_-]+/);
  return words
    .map((w) => {
      const up = w.toUpperCase();
      if (ACRONYMS.has(up)) return up;
      if (w.endsWith('s') && ACRONYMS.has(w.slice(0, -1).toUpperCase())) return `${w.slice(0, -1).toUpperCase()}s`;
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(' ');
}

function printContent(w: DescribeWriter, level: number, value: Record<string, unknown>, skip: Set<string>, prefix: string): void {
  for (const key of Object.keys(value).sort()) {
    const path = `${prefix}.${key}`;
    if (skip.has(path)) continue;
    const v = value[key];
    const label = smartLabel(key);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      w.write(level, `${label}:\n`);
      printContent(w, level + 1, v as Record<string, unknown>, skip, path);
    } else if (Array.isArray(v)) {
      w.write(level, `${label}:\n`);
      for (const item of v) {
        if (item && typeof item === 'object') printContent(w, level + 1, item as Record<string, unknown>, skip, path);
        else w.write(level + 1, `${String(item)}\n`);
      }
    } else {
      w.write(level, `${label}:\t${String(v)}\n`);
    }
  }
}

export function describeGeneric(obj: KubeObject, events: KubeObject[] | null, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  const skip = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
  printContent(w, 0, obj as unknown as Record<string, unknown>, skip, '');
  if (events) describeEvents(w, events, now);
  return w.text();
}

export function describeConfigMap(cm: KubeObject, events: KubeObject[] | null, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', cm.metadata.labels);
  annotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  const data = (cm.data ?? {}) as Record<string, string>;
  for (const k of Object.keys(data).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${data[k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const bin = (cm.binaryData ?? {}) as Record<string, string>;
  for (const k of Object.keys(bin).sort()) w.write(0, `${k}: ${Math.floor((bin[k].length * 3) / 4)} bytes\n`);
  w.write(0, '\n');
  if (events) describeEvents(w, events, now);
  return w.text();
}

export function describeNamespace(ns: KubeObject, quotas: KubeObject[], limits: KubeObject[]): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  w.write(0, '\n');
  if (!quotas.length) w.write(0, 'No resource quota.\n');
  else w.write(0, `Resource Quotas\n${quotas.map((q) => `  Name:\t${q.metadata.name}\n`).join('')}`);
  w.write(0, '\n');
  if (!limits.length) w.write(0, 'No LimitRange resource.\n');
  else w.write(0, `Resource Limits\n${limits.map((l) => `  Name:\t${l.metadata.name}\n`).join('')}`);
  return w.text();
}
