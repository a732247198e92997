// Which components run in a simulated cluster, and with what delays. The delays are the
// typical latencies of a small real cluster (informer delivery plus a work-queue hop for
// controllers); they order events realistically and are not meant as measurements.
import type { KubeObject } from '../api/types';
import { createKubelet, registerNode } from '../kubelet';
import { staticPodManifests, IMAGES } from '../bootstrap/systemObjects';
import type { Cluster } from './cluster';
import type { Machine } from '../bootstrap/machines';
import type { AdmissionPlugin } from '../apiserver/admission';
import { strictDecoding, statusReset, defaulting, mutatingPlugins, limitRanger, validation, serviceAllocation, resourceQuota } from '../apiserver/plugins';
import { clusterControllers } from '../controllers/cluster';
import { deploymentController, replicaSetController, replicationControllerController, daemonSetController, statefulSetController } from '../controllers/workloads';
import { createKubeProxy, MIN_SYNC_PERIOD_MS } from '../network/kubeproxy/kubeProxyComponent';
import { kubeProxyConfigFor } from '../network/kubeproxy/configFor';
import { startScheduler } from '../scheduler/component';
import { createNodeIpamController } from '../controllers/nodeipam/nodeIpamController';

export interface EngineConfigs {
  cluster?: KubeObject;
  kubeProxy?: KubeObject;
  scheduler?: KubeObject;
}

export const CONTROLLER_DELAY_MS = 5;
/** A kubelet's pod workers react a little slower than the controllers (watch + pod worker hop). */
export const KUBELET_DELAY_MS = 10;

/**
 * The Node a machine's kubelet registers: the kubelet's own registration, with what a Node
 * object in the manifests says about the machine (its labels, taints, podCIDR, and — for an
 * imported dump — its status) taking precedence.
 */
function nodeRegistration(cluster: Cluster, machine: Machine): KubeObject {
  const given = machine.nodeObject;
  const node = registerNode(machine.spec, cluster.config, { name: machine.name, now: 0, internalIP: machine.internalIP, podCIDR: given?.spec?.podCIDR, rng: cluster.rng });
  if (!given) return node;
  node.metadata.labels = { ...node.metadata.labels, ...(given.metadata.labels ?? {}) };
  node.metadata.annotations = { ...node.metadata.annotations, ...(given.metadata.annotations ?? {}) };
  node.spec = { ...node.spec, ...(given.spec ?? {}) };
  if (cluster.config.importStatus && given.status) node.status = { ...node.status, ...given.status };
  return node;
}

export function admissionPlugins(cluster: Cluster): AdmissionPlugin[] {
  // Mutating plugins run in list order, then every validating plugin (see ApiServer.admit).
  return [strictDecoding, defaulting, mutatingPlugins, limitRanger, statusReset, validation, serviceAllocation(cluster.config, cluster.store), resourceQuota];
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

  for (const machine of machines) {
    const kubelet = createKubelet(machine.name, {
      nodeToRegister: nodeRegistration(cluster, machine),
      staticPods: machine.role === 'control-plane' && config.bootstrap === 'kubeadm' ? staticPodManifests(config, machine.internalIP) : [],
      preloadedImages: machine.role === 'control-plane' && config.bootstrap === 'kubeadm' ? [IMAGES.etcd, IMAGES.apiserver, IMAGES.controllerManager, IMAGES.scheduler] : [],
      allocateIP: (nodeName, pod) => cluster.ipam.allocate(cluster.store.get('Node', '', nodeName), pod),
      releaseIP: (nodeName, pod) => cluster.ipam.release(nodeName, pod),
    });
    cluster.kubelets.set(machine.name, kubelet);
    host.add(kubelet, { delayMs: KUBELET_DELAY_MS });
  }

  const proxyConfig = kubeProxyConfigFor(config, configs.kubeProxy).config;
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
