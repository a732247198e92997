// Which components run in a simulated cluster, and with what delays. The delays are the
// typical latencies of a small real cluster (informer delivery plus a work-queue hop for
// controllers); they order events realistically and are not meant as measurements.
import type { KubeObject } from '../api/types';
import type { Cluster } from './cluster';
import type { Machine } from '../bootstrap/machines';
import type { AdmissionPlugin } from '../apiserver/admission';
import { strictDecoding, statusReset, defaulting, mutatingPlugins, limitRanger, validation, serviceAllocation, resourceQuota } from '../apiserver/plugins';
import { clusterControllers } from '../controllers/cluster';
import { deploymentController, replicaSetController, replicationControllerController, daemonSetController, statefulSetController } from '../controllers/workloads';
import { createKubeProxy, MIN_SYNC_PERIOD_MS } from '../network/kubeproxy/kubeProxyComponent';
import { kubeProxyConfigFrom } from '../network/kubeproxy/fromConfiguration';
import { startScheduler } from '../scheduler/component';
import { createNodeIpamController } from '../controllers/nodeipam/nodeIpamController';

export interface EngineConfigs {
  cluster?: KubeObject;
  kubeProxy?: KubeObject;
  scheduler?: KubeObject;
}

export const CONTROLLER_DELAY_MS = 5;

export function admissionPlugins(cluster: Cluster): AdmissionPlugin[] {
  // Mutating plugins run in list order, then every validating plugin (see ApiServer.admit).
  return [strictDecoding, statusReset, defaulting, mutatingPlugins, limitRanger, validation, serviceAllocation(cluster.config, cluster.store), resourceQuota];
}

export function wireComponents(cluster: Cluster, machines: Machine[], configs: EngineConfigs): void {
  const { host, config } = cluster;
  const controllerManager = [
    createNodeIpamController(config.podCIDR, config.nodeCIDRMaskSize),
    deploymentController,
    replicaSetController,
    replicationControllerController,
    daemonSetController,
    statefulSetController,
    ...clusterControllers,
  ];
  for (const controller of controllerManager) host.add(controller, { delayMs: CONTROLLER_DELAY_MS });

  startScheduler(cluster, configs.scheduler);

  const proxyConfig = kubeProxyConfigFrom(config, configs.kubeProxy);
  for (const machine of machines) {
    host.add(
      createKubeProxy(machine.name, {
        config: proxyConfig,
        runsAsPod: config.bootstrap === 'kubeadm',
        state: cluster.proxies,
        record: (component, message, detail) => cluster.addActivity(component, 'ProxySync', message, detail),
      }),
      { delayMs: MIN_SYNC_PERIOD_MS },
    );
  }
}
