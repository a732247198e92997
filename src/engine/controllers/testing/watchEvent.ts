// A WatchEvent for keysFor tests.
import type { KubeObject, WatchEvent, WatchEventType } from '../../api/types';

export function watchEvent(type: WatchEventType, object: KubeObject, component = 'test'): WatchEvent {
  return {
    index: 0,
    t: 0,
    type,
    kind: object.kind,
    namespace: object.metadata.namespace ?? '',
    name: object.metadata.name ?? '',
    resourceVersion: object.metadata.resourceVersion ?? '1',
    component,
    reason: type,
    object,
  };
}
