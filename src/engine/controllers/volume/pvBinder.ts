// The PersistentVolume controller (pkg/controller/volume/persistentvolume/pv_controller.go
// syncClaim / syncVolume) with a simulated dynamic provisioner standing in for the external
// provisioner sidecar (sig-storage-lib-external-provisioner): binds claims to volumes, provisions
// `pvc-<claim uid>` volumes for StorageClasses, honours WaitForFirstConsumer, and reclaims
// released volumes (Retain / Delete / Recycle). Keys: `pvc:<ns>/<name>` and `pv:<name>`.
import type { KubeObject, WatchEvent } from '../../api/types';
import type { Controller, Listers, Plan, ReconcileContext, Write } from '../types';
import { splitKey } from '../gc/ownerRefs';
import { findBestMatchForClaim, isVolumeBoundToClaim, storageClassOf } from './matching';

export const ANN = {
  bindCompleted: 'pv.kubernetes.io/bind-completed',
  boundByController: 'pv.kubernetes.io/bound-by-controller',
  provisionedBy: 'pv.kubernetes.io/provisioned-by',
  storageProvisioner: 'volume.kubernetes.io/storage-provisioner',
  betaStorageProvisioner: 'volume.beta.kubernetes.io/storage-provisioner',
  selectedNode: 'volume.kubernetes.io/selected-node',
  defaultClass: 'storageclass.kubernetes.io/is-default-class',
} as const;

export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export const PV_BINDER_NOTES = [
  'Dynamic provisioning is simulated inside the binder for every provisioner except kubernetes.io/no-provisioner: the volume appears at once, as a CSI volume of that driver.',
  'Recycle is simulated as an instant scrub (no recycler pod).',
];

const claimKey = (ns: string, name: string) => `pvc:${ns}/${name}`;
const volumeKey = (name: string) => `pv:${name}`;

function keysFor(event: WatchEvent, listers: Listers): string[] {
  const obj = event.object;
  if (event.kind === 'PersistentVolumeClaim') {
    const keys = [claimKey(event.namespace, event.name)];
    if (obj.spec?.volumeName) keys.push(volumeKey(obj.spec.volumeName));
    return keys;
  }
  if (event.kind === 'PersistentVolume') {
    const keys = [volumeKey(event.name)];
    const ref = obj.spec?.claimRef;
    if (ref?.name) keys.push(claimKey(ref.namespace ?? '', ref.name));
    return keys;
  }
  if (event.kind === 'StorageClass') {
    return listers.list('PersistentVolumeClaim').filter((c) => !c.spec?.volumeName).map((c) => claimKey(c.metadata.namespace ?? '', c.metadata.name ?? ''));
  }
  return [];
}

function noRv(obj: KubeObject): KubeObject {
  const next = structuredClone(obj);
  delete next.metadata.resourceVersion;
  return next;
}

function defaultStorageClass(listers: Listers): KubeObject | undefined {
  // The newest default wins when several are marked (DefaultStorageClass admission since v1.26).
  const defaults = listers.list('StorageClass', '').filter((sc) => sc.metadata.annotations?.[ANN.defaultClass] === 'true');
  return defaults.sort((a, b) => ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? 1 : -1))[0];
}

/** bindVolumeToClaim + bindClaimToVolume, with both status updates. */
function bind(pv: KubeObject, claim: KubeObject): Write[] {
  const writes: Write[] = [];
  const ns = claim.metadata.namespace ?? '';
  const ref = pv.spec?.claimRef;
  const volumeNeedsRef = !ref || ref.uid !== claim.metadata.uid;
  if (volumeNeedsRef) {
    const next = structuredClone(pv);
    next.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: ns, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', ...(claim.metadata.resourceVersion ? { resourceVersion: claim.metadata.resourceVersion } : {}) };
    if (!ref) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN.boundByController]: 'yes' };
    writes.push({ op: 'update', object: next, reason: 'VolumeBound' });
  }
  if (pv.status?.phase !== 'Bound') writes.push({ op: 'updateStatus', object: { ...noRv(pv), status: { ...(pv.status ?? {}), phase: 'Bound' } }, reason: 'VolumeBound' });
  if (claim.spec?.volumeName !== pv.metadata.name || claim.metadata.annotations?.[ANN.bindCompleted] !== 'yes') {
    const next = structuredClone(claim);
    const byController = !claim.spec?.volumeName;
    next.spec = { ...next.spec, volumeName: pv.metadata.name };
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN.bindCompleted]: 'yes', ...(byController ? { [ANN.boundByController]: 'yes' } : {}) };
    writes.push({ op: 'update', object: next, reason: 'ClaimBound' });
  }
  if (claim.status?.phase !== 'Bound') {
    const status = { ...(claim.status ?? {}), phase: 'Bound', accessModes: pv.spec?.accessModes ?? [], capacity: { ...(pv.spec?.capacity ?? {}) } };
    writes.push({ op: 'updateStatus', object: { ...noRv(claim), status }, reason: 'ClaimBound' });
  }
  return writes;
}

function syncClaim(claim: KubeObject, ctx: ReconcileContext): Plan {
  const writes: Write[] = [];
  const volumes = ctx.listers.list('PersistentVolume', '');
  const volumeName: string | undefined = claim.spec?.volumeName;
  if (claim.metadata.deletionTimestamp) return { writes };

  if (volumeName) {
    const pv = volumes.find((v) => v.metadata.name === volumeName);
    if (!pv) {
      if (claim.status?.phase === 'Bound') {
        writes.push({ op: 'updateStatus', object: { ...claim, status: { ...(claim.status ?? {}), phase: 'Lost' } }, reason: 'ClaimLost' });
        writes.push({ op: 'event', involved: claim, type: 'Warning', reason: 'ClaimLost', message: 'Bound claim has lost its PersistentVolume. Data on the volume is lost!' });
      } else if (claim.status?.phase !== 'Pending') {
        writes.push({ op: 'updateStatus', object: { ...claim, status: { ...(claim.status ?? {}), phase: 'Pending' } }, reason: 'ClaimPending' });
      }
      return { writes };
    }
    if (pv.spec?.claimRef && !isVolumeBoundToClaim(pv, claim)) {
      // Bound to someone else: the claim waits.
      return { writes };
    }
    return { writes: bind(pv, claim) };
  }

  // Claims without a class get the default one (retroactive default StorageClass assignment).
  if (claim.spec?.storageClassName === undefined || claim.spec?.storageClassName === null) {
    const def = defaultStorageClass(ctx.listers);
    if (def) {
      const next = structuredClone(claim);
      next.spec = { ...next.spec, storageClassName: def.metadata.name };
      return { writes: [{ op: 'update', object: next, reason: 'DefaultStorageClass' }] };
    }
  }
  const className = storageClassOf(claim);
  const sc = className ? ctx.listers.get('StorageClass', '', className) : undefined;
  const delayBinding = sc?.volumeBindingMode === 'WaitForFirstConsumer';
  const selectedNode: string | undefined = claim.metadata.annotations?.[ANN.selectedNode];
  const node = selectedNode ? ctx.listers.get('Node', '', selectedNode) : undefined;
  const pv = findBestMatchForClaim(claim, volumes, delayBinding, node);
  if (pv) return { writes: bind(pv, claim) };

  if (claim.status?.phase !== 'Pending') writes.push({ op: 'updateStatus', object: { ...claim, status: { ...(claim.status ?? {}), phase: 'Pending' } }, reason: 'ClaimPending' });
  if (delayBinding && !selectedNode) {
    writes.push({ op: 'event', involved: claim, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding' });
    return { writes };
  }
  if (!className) {
    writes.push({ op: 'event', involved: claim, type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set' });
    return { writes };
  }
  if (!sc) {
    writes.push({ op: 'event', involved: claim, type: 'Warning', reason: 'ProvisioningFailed', message: `storageclass.storage.k8s.io "${className}" not found` });
    return { writes };
  }
  const provisioner = String(sc.provisioner ?? '');
  if (provisioner === NO_PROVISIONER) {
    writes.push({ op: 'event', involved: claim, type: 'Warning', reason: 'ProvisioningFailed', message: `no volume plugin matched name: ${NO_PROVISIONER}` });
    return { writes };
  }
  writes.push(...provision(claim, sc, provisioner, selectedNode));
  return { writes };
}

/** provisionClaim (binder side) followed by the simulated external provisioner's work. */
function provision(claim: KubeObject, sc: KubeObject, provisioner: string, selectedNode: string | undefined): Write[] {
  const ns = claim.metadata.namespace ?? '';
  const claimName = claim.metadata.name ?? '';
  const writes: Write[] = [];
  if (claim.metadata.annotations?.[ANN.storageProvisioner] !== provisioner) {
    const next = structuredClone(claim);
    delete next.metadata.resourceVersion;
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN.storageProvisioner]: provisioner, [ANN.betaStorageProvisioner]: provisioner };
    writes.push({ op: 'update', object: next, reason: 'ExternalProvisioning' });
    writes.push({
      op: 'event',
      involved: claim,
      type: 'Normal',
      reason: 'ExternalProvisioning',
      message: `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    });
  }
  const name = `pvc-${claim.metadata.uid}`;
  writes.push({ op: 'event', involved: claim, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/${claimName}"` });
  const pv: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { [ANN.provisionedBy]: provisioner, 'volume.kubernetes.io/provisioner-deletion-secret-name': '', 'volume.kubernetes.io/provisioner-deletion-secret-namespace': '' } },
    spec: {
      accessModes: [...(claim.spec?.accessModes ?? [])],
      capacity: { storage: claim.spec?.resources?.requests?.storage },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: ns, name: claimName, uid: claim.metadata.uid, ...(claim.metadata.resourceVersion ? { resourceVersion: claim.metadata.resourceVersion } : {}) },
      persistentVolumeReclaimPolicy: String(sc.reclaimPolicy ?? 'Delete'),
      storageClassName: sc.metadata.name,
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
      csi: { driver: provisioner, volumeHandle: name, fsType: 'ext4' },
      ...(Array.isArray(sc.mountOptions) ? { mountOptions: [...(sc.mountOptions as string[])] } : {}),
      ...(selectedNode
        ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [selectedNode] }] }] } } }
        : {}),
    },
  };
  writes.push({ op: 'create', object: pv, reason: 'ProvisioningSucceeded' });
  writes.push({ op: 'event', involved: claim, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${name}` });
  return writes;
}

function syncVolume(pv: KubeObject, ctx: ReconcileContext): Plan {
  const writes: Write[] = [];
  const phase = pv.status?.phase;
  const setPhase = (p: string, reason: string) => {
    if (phase !== p) writes.push({ op: 'updateStatus', object: { ...pv, status: { ...(pv.status ?? {}), phase: p } }, reason });
  };
  if (pv.metadata.deletionTimestamp) return { writes };
  const ref = pv.spec?.claimRef;
  if (!ref) {
    setPhase('Available', 'VolumeAvailable');
    return { writes };
  }
  const claim = ctx.listers.get('PersistentVolumeClaim', ref.namespace ?? '', ref.name);
  if (!ref.uid) {
    // Pre-bound by the user to a claim that may not exist yet.
    setPhase('Available', 'VolumeAvailable');
    return { writes };
  }
  if (claim && claim.metadata.uid === ref.uid) {
    if (claim.spec?.volumeName === pv.metadata.name) setPhase('Bound', 'VolumeBound');
    else if (!claim.spec?.volumeName) setPhase('Available', 'VolumeAvailable'); // binding in progress
    else if (pv.metadata.annotations?.[ANN.boundByController] === 'yes') {
      // The claim went to another volume: unbind this one (unbindVolume).
      const next = noRv(pv);
      delete next.spec.claimRef;
      writes.push({ op: 'update', object: next, reason: 'VolumeUnbound' });
    }
    return { writes };
  }
  // The claim is gone: the volume is released and reclaimed by its policy.
  const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
  if (policy === 'Retain') {
    setPhase('Released', 'VolumeReleased');
    return { writes };
  }
  if (policy === 'Recycle') {
    setPhase('Released', 'VolumeReleased');
    const next = noRv(pv);
    delete next.spec.claimRef;
    writes.push({ op: 'update', object: next, reason: 'VolumeRecycled' });
    writes.push({ op: 'updateStatus', object: { ...noRv(pv), status: { ...(pv.status ?? {}), phase: 'Available' } }, reason: 'VolumeRecycled' });
    writes.push({ op: 'event', involved: pv, type: 'Normal', reason: 'VolumeRecycled', message: 'Volume recycled' });
    return { writes };
  }
  // Delete: dynamically provisioned volumes are deleted by their provisioner; static ones have
  // no deleter plugin here and fail, as a static hostPath/NFS volume does.
  if (pv.metadata.annotations?.[ANN.provisionedBy]) {
    setPhase('Released', 'VolumeReleased');
    writes.push({ op: 'delete', ref: { kind: 'PersistentVolume', namespace: '', name: pv.metadata.name ?? '' }, reason: 'VolumeDeleted', uid: pv.metadata.uid });
    return { writes };
  }
  if (phase !== 'Failed') {
    writes.push({ op: 'updateStatus', object: { ...pv, status: { ...(pv.status ?? {}), phase: 'Failed', message: 'error getting deleter volume plugin for volume "' + pv.metadata.name + '": no deletable volume plugin matched' } }, reason: 'VolumeFailedDelete' });
    writes.push({ op: 'event', involved: pv, type: 'Warning', reason: 'VolumeFailedDelete', message: `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched` });
  }
  return { writes };
}

function reconcile(key: string, ctx: ReconcileContext): Plan {
  if (key.startsWith('pv:')) {
    const pv = ctx.listers.get('PersistentVolume', '', key.slice(3));
    return pv ? syncVolume(pv, ctx) : { writes: [] };
  }
  const { namespace, name } = splitKey(key.slice(4));
  const claim = ctx.listers.get('PersistentVolumeClaim', namespace, name);
  return claim ? syncClaim(claim, ctx) : { writes: [] };
}

export const persistentVolumeBinder: Controller = {
  name: 'persistentvolume-binder',
  watches: ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'],
  keysFor,
  reconcile,
  initialKeys: (listers) => [
    ...listers.list('PersistentVolume', '').map((v) => volumeKey(v.metadata.name ?? '')),
    ...listers.list('PersistentVolumeClaim').map((c) => claimKey(c.metadata.namespace ?? '', c.metadata.name ?? '')),
  ],
};
