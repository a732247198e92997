// Puts a new cluster's first objects in place at virtual time 0, each written by the component
// that writes it in a real cluster: the API server's own objects and (with `bootstrap:
// kubeadm`) kubeadm's add-ons. Nodes are registered by their kubelets as they start.
import type { Cluster } from '../core/cluster';
import type { KubeObject } from '../api/types';
import type { Machine } from './machines';
import { nthAddress } from '../network/ip';
import {
  calicoObjects,
  coreDnsObjects,
  flannelObjects,
  kubeProxyObjects,
  kubernetesEndpoints,
  kubernetesService,
  systemNamespaces,
  systemPriorityClasses,
} from './systemObjects';

export function bootstrapCluster(cluster: Cluster, machines: Machine[]): void {
  const { config } = cluster;
  const apiserver = { component: 'kube-apiserver', reason: 'Bootstrap' };
  const create = (obj: KubeObject, ctx = apiserver) => cluster.api.create(obj, ctx);

  systemNamespaces().forEach((ns) => create(ns));
  systemPriorityClasses().forEach((pc) => create(pc));
  const controlPlanes = machines.filter((m) => m.role === 'control-plane');
  const apiIPs = (controlPlanes.length ? controlPlanes : machines.slice(0, 1)).map((m) => m.internalIP);
  create(kubernetesService(nthAddress(config.serviceCIDR, 1)));
  kubernetesEndpoints(apiIPs).forEach((o) => create(o));

  if (config.bootstrap !== 'kubeadm') return;
  const kubeadm = { component: 'kubeadm', reason: 'Addon' };
  const addons = [
    ...kubeProxyObjects(config),
    ...(config.cni === 'flannel' ? flannelObjects(config) : config.cni === 'calico' ? calicoObjects() : []),
    ...coreDnsObjects(config, nthAddress(config.serviceCIDR, 10)),
  ];
  for (const obj of addons) create(obj, kubeadm);
}
