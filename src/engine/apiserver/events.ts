// core/v1 Events as client-go's event recorder writes them (tools/record/event.go,
// events_cache.go): named `<object>.<unix nanos in hex>`, and a repeat of the same event
// (same object, reason, message, source) bumps count and lastTimestamp instead of adding one.
import type { KubeObject } from '../api/types';
import { EPOCH_MS, isoAt } from '../core/time';
import { preferredApiVersion, kindInfo } from '../api/kinds';

export interface EventSpec {
  involved: KubeObject;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** Component that reports it, e.g. `default-scheduler`, `kubelet`. */
  component: string;
  /** The node, for kubelet events (source.host). */
  host?: string;
  fieldPath?: string;
}

/** Unique event object name for a virtual time: object name + nanoseconds since 1970 in hex. */
export function eventName(objectName: string, virtualMs: number, sequence: number): string {
  const nanos = BigInt(EPOCH_MS + virtualMs) * 1000000n + BigInt(sequence % 1000000);
  return `${objectName}.${nanos.toString(16)}`;
}

export function buildEvent(spec: EventSpec, name: string, now: number): KubeObject {
  const inv = spec.involved;
  const info = kindInfo(inv.kind);
  const ts = isoAt(now);
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: inv.metadata.namespace ?? 'default' },
    involvedObject: {
      apiVersion: info ? preferredApiVersion(info) : inv.apiVersion,
      kind: inv.kind,
      ...(inv.metadata.namespace ? { namespace: inv.metadata.namespace } : {}),
      name: inv.metadata.name,
      uid: inv.metadata.uid,
      resourceVersion: inv.metadata.resourceVersion,
      ...(spec.fieldPath ? { fieldPath: spec.fieldPath } : {}),
    },
    reason: spec.reason,
    message: spec.message,
    source: { component: spec.component, ...(spec.host ? { host: spec.host } : {}) },
    firstTimestamp: ts,
    lastTimestamp: ts,
    count: 1,
    type: spec.type,
    eventTime: null,
    reportingComponent: spec.component,
    reportingInstance: spec.host ?? '',
  };
}

/** The key the events cache aggregates on (events_cache.go getEventKey, simplified). */
export function eventKey(spec: EventSpec): string {
  const inv = spec.involved;
  return [spec.component, spec.host ?? '', inv.kind, inv.metadata.namespace ?? '', inv.metadata.name, inv.metadata.uid, spec.fieldPath ?? '', spec.type, spec.reason, spec.message].join('\u0000');
}
