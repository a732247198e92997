// Test fixtures: one registered node with its kubelet under a KubeletDriver.
import type { KubeObject } from '../../api/types';
import { DEFAULT_CLUSTER_CONFIG } from '../../api/clusterConfig';
import { isoAt } from '../../core/time';
import { createKubelet } from '../kubelet';
import { registerNode } from '../nodeRegistration';
import type { KubeletDeps } from '../types';
import { KubeletDriver } from './driveKubelet';

export function nodeFixture(name = 'node-1', cpu = '2', memory = '4Gi'): KubeObject {
  const node = registerNode({ name, cpu, memory }, DEFAULT_CLUSTER_CONFIG, { internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' });
  node.metadata.uid = `${name}-uid`;
  return node;
}

export function setupKubelet(deps: KubeletDeps & { preloadedImages?: string[] } = {}, objects: KubeObject[] = []) {
  const kubelet = createKubelet('node-1', deps);
  const driver = new KubeletDriver(kubelet, [nodeFixture(), ...objects]);
  return { kubelet, driver };
}

let n = 0;
export function testPod(name: string, spec: any, meta: any = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `${name}-${++n}`, creationTimestamp: isoAt(0), ...meta },
    spec: { nodeName: 'node-1', ...spec },
  };
}
