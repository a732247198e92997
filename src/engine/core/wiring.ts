// Which components run in a simulated cluster, and with what delays. The delays are the
// typical latencies of a small real cluster (informer delivery plus a work-queue hop for
// controllers); they order events realistically and are not meant as measurements.
import type { KubeObject } from '../api/types';
import type { Cluster } from './cluster';
import type { Machine } from '../bootstrap/machines';
import type { AdmissionPlugin } from '../apiserver/admission';
import { createNodeIpamController } from '../controllers/nodeipam/nodeIpamController';

export interface EngineConfigs {
  cluster?: KubeObject;
  kubeProxy?: KubeObject;
  scheduler?: KubeObject;
}

export const CONTROLLER_DELAY_MS = 5;

export function admissionPlugins(_cluster: Cluster): AdmissionPlugin[] {
  return [];
}

export function wireComponents(cluster: Cluster, _machines: Machine[], _configs: EngineConfigs): void {
  const { host, config } = cluster;
  host.add(createNodeIpamController(config.podCIDR, config.nodeCIDRMaskSize), { delayMs: CONTROLLER_DELAY_MS });
}
