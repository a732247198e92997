// Storage view: StorageClass -> PersistentVolume <-> PersistentVolumeClaim -> Pod. The PV/PVC
// binding is two pointers (pv.spec.claimRef and pvc.spec.volumeName) that the PV controller sets
// (pkg/controller/volume/persistentvolume/pv_controller.go); the edge shows whether both agree.
// A claim still waiting for a volume links to its class instead, with the class's binding mode
// (WaitForFirstConsumer waits for a pod to be scheduled before provisioning).
import type { KubeObject, Snapshot } from '../engine';
import { byNamespaceName, keepConnected, nameOf, nsOf, objectNode, objectRef, type Graph, type GraphEdge, type GraphNode, type GraphStatus } from './graph';
import { podNode } from './podNode';
import { claimStatus } from './workloadStatus';

export interface StorageOptions {
  namespace?: string;
}

const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

function pvStatus(pv: KubeObject): { status: GraphStatus; statusText: string } {
  const phase: string = pv.status?.phase ?? 'Pending';
  const status: GraphStatus = phase === 'Bound' ? 'ok' : phase === 'Available' ? 'neutral' : phase === 'Released' ? 'inactive' : phase === 'Failed' ? 'error' : 'warning';
  return { status, statusText: phase };
}

export function buildStorageGraph(snapshot: Snapshot, opts: StorageOptions = {}): Graph {
  const inNs = (o: KubeObject) => opts.namespace === undefined || nsOf(o) === opts.namespace;
  const classes = [...(snapshot.objects.StorageClass ?? [])].sort(byNamespaceName);
  const pvs = [...(snapshot.objects.PersistentVolume ?? [])].sort(byNamespaceName);
  const claims = (snapshot.objects.PersistentVolumeClaim ?? []).filter(inNs).sort(byNamespaceName);
  const pods = (snapshot.objects.Pod ?? []).filter(inNs).sort(byNamespaceName);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];

  for (const sc of classes) {
    const isDefault = sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true';
    nodes.push(objectNode(sc, {
      status: 'neutral',
      statusText: `provisioner ${sc.provisioner ?? '<none>'}`,
      label: isDefault ? `${nameOf(sc)} (default)` : nameOf(sc),
      lines: [`volumeBindingMode ${sc.volumeBindingMode ?? 'Immediate'}`, `reclaimPolicy ${sc.reclaimPolicy ?? 'Delete'}`],
    }));
  }
  for (const pv of pvs) {
    const s = pvStatus(pv);
    const source = Object.keys(pv.spec ?? {}).find((k) => ['hostPath', 'local', 'csi', 'nfs'].includes(k));
    const lines = [`${pv.spec?.capacity?.storage ?? '?'} · ${(pv.spec?.accessModes ?? []).join(',')}`, `reclaim ${pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain'}${source ? ` · ${source}` : ''}`];
    nodes.push(objectNode(pv, { ...s, lines }));
    const scName = pv.spec?.storageClassName;
    if (scName) {
      const provisioned = pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by'];
      edges.push({ id: `class:StorageClass/${scName}->${objectRef(pv)}`, source: `StorageClass/${scName}`, target: objectRef(pv), kind: 'class', status: 'neutral', label: provisioned ? 'provisioned' : 'class' });
    }
  }
  for (const pvc of claims) {
    const s = claimStatus(pvc);
    nodes.push(objectNode(pvc, { ...s, lines: [`namespace ${nsOf(pvc)}`, ...s.lines] }));
    const volume: string | undefined = pvc.spec?.volumeName;
    if (volume) {
      const pv = pvs.find((v) => nameOf(v) === volume);
      const back = pv?.spec?.claimRef;
      const agree = back && back.name === nameOf(pvc) && (back.namespace ?? '') === nsOf(pvc);
      edges.push({
        id: `bind:PersistentVolume/${volume}<->${objectRef(pvc)}`,
        source: `PersistentVolume/${volume}`,
        target: objectRef(pvc),
        kind: 'binding',
        bidirectional: true,
        status: agree ? s.status : 'progress',
        label: agree ? s.statusText : 'volumeName set, claimRef not yet',
      });
    } else {
      const scName = pvc.spec?.storageClassName;
      const sc = classes.find((c) => nameOf(c) === scName);
      if (sc) {
        const waiting = sc.volumeBindingMode === 'WaitForFirstConsumer' ? 'WaitForFirstConsumer' : 'provisioning';
        edges.push({ id: `wait:${objectRef(sc)}->${objectRef(pvc)}`, source: objectRef(sc), target: objectRef(pvc), kind: 'pending', status: 'warning', label: waiting });
      }
    }
  }
  // Claim -> PV binding from the PV side only (claimRef set, claim not updated yet).
  for (const pv of pvs) {
    const ref = pv.spec?.claimRef;
    if (!ref?.name) continue;
    const target = `PersistentVolumeClaim/${ref.namespace ?? 'default'}/${ref.name}`;
    if (edges.some((e) => e.kind === 'binding' && e.target === target)) continue;
    edges.push({ id: `bind:${objectRef(pv)}<->${target}`, source: objectRef(pv), target, kind: 'binding', bidirectional: true, status: 'progress', label: 'claimRef set, volumeName not yet' });
  }
  for (const pod of pods) {
    const vols = (pod.spec?.volumes ?? []).filter((v: { persistentVolumeClaim?: unknown }) => v.persistentVolumeClaim) as { name: string; persistentVolumeClaim: { claimName: string; readOnly?: boolean } }[];
    if (vols.length === 0) continue;
    nodes.push(podNode(pod));
    for (const v of vols) {
      const claim = `PersistentVolumeClaim/${nsOf(pod)}/${v.persistentVolumeClaim.claimName}`;
      const mount = (pod.spec?.containers ?? []).flatMap((c: { volumeMounts?: { name: string; mountPath: string }[] }) => c.volumeMounts ?? []).find((m: { name: string }) => m.name === v.name);
      edges.push({ id: `mount:${claim}->${objectRef(pod)}:${v.name}`, source: claim, target: objectRef(pod), kind: 'mount', status: 'neutral', label: mount ? `volume ${v.name} at ${mount.mountPath}` : `volume ${v.name}` });
    }
  }
  return { nodes, edges: keepConnected(nodes, edges), direction: 'RIGHT', notes: [] };
}
