// Which PersistentVolume a claim gets (pkg/controller/volume/persistentvolume/index.go
// findByClaim / findMatchingVolume, util/util.go CheckVolumeModeMismatches, CheckAccessModes):
// a volume pre-bound to the claim wins; otherwise among Available, unclaimed volumes of the same
// storage class, volume mode and selector, whose access modes include the claim's, the
// smallest one that is big enough — looking first at volumes with the fewest access modes.
import type { KubeObject } from '../../api/types';
import { matchesSelector, matchesRequirement } from '../../api/selectors';
import { quantityValue } from '../quota/quantity';

export function storageClassOf(obj: KubeObject): string {
  return obj.spec?.storageClassName ?? obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

export function claimRequest(claim: KubeObject): number {
  return quantityValue(claim.spec?.resources?.requests?.storage);
}

export function volumeCapacity(pv: KubeObject): number {
  return quantityValue(pv.spec?.capacity?.storage);
}

/** IsVolumeBoundToClaim: the volume's claimRef names this claim (and its uid, when set). */
export function isVolumeBoundToClaim(pv: KubeObject, claim: KubeObject): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== claim.metadata.name || (ref.namespace ?? '') !== (claim.metadata.namespace ?? '')) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

function accessModesContain(volumeModes: string[], claimModes: string[]): boolean {
  return claimModes.every((m) => volumeModes.includes(m));
}

/** Node affinity of a local/zonal volume against a node's labels (In/NotIn/Exists/DoesNotExist). */
export function volumeFitsNode(pv: KubeObject, node: KubeObject | undefined): boolean {
  const terms: { matchExpressions?: { key: string; operator: string; values?: string[] }[] }[] = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  if (!terms.length) return true;
  if (!node) return false;
  const labels = { ...(node.metadata.labels ?? {}), 'kubernetes.io/hostname': node.metadata.labels?.['kubernetes.io/hostname'] ?? node.metadata.name ?? '' };
  return terms.some((t) => (t.matchExpressions ?? []).every((e) => matchesRequirement(e as never, labels)));
}

/**
 * findBestMatchForClaim. With `delayBinding` (WaitForFirstConsumer) and no node chosen yet only a
 * volume pre-bound to the claim can match.
 */
export function findBestMatchForClaim(claim: KubeObject, volumes: KubeObject[], delayBinding: boolean, node?: KubeObject): KubeObject | undefined {
  const request = claimRequest(claim);
  const claimModes: string[] = claim.spec?.accessModes ?? [];
  const claimClass = storageClassOf(claim);
  const claimVolumeMode = claim.spec?.volumeMode ?? 'Filesystem';
  const selector = claim.spec?.selector;

  const candidates: KubeObject[] = [];
  for (const pv of volumes) {
    if ((pv.spec?.volumeMode ?? 'Filesystem') !== claimVolumeMode) continue;
    if (pv.metadata.deletionTimestamp) continue;
    const fitsNode = node ? volumeFitsNode(pv, node) : true;
    if (isVolumeBoundToClaim(pv, claim)) {
      if (volumeCapacity(pv) < request) continue;
      return fitsNode ? pv : undefined;
    }
    if (!node && delayBinding) continue;
    if (pv.spec?.claimRef) continue;
    if ((pv.status?.phase ?? 'Available') !== 'Available') continue;
    if (selector && !matchesSelector(selector, pv.metadata.labels)) continue;
    if (storageClassOf(pv) !== claimClass) continue;
    if (!fitsNode) continue;
    if (!accessModesContain(pv.spec?.accessModes ?? [], claimModes)) continue;
    if (volumeCapacity(pv) < request) continue;
    candidates.push(pv);
  }
  // allPossibleMatchingAccessModes: groups with fewer access modes are tried first; in a group
  // the smallest volume wins (the index keeps volumes sorted by capacity).
  candidates.sort((a, b) => {
    const ma = (a.spec?.accessModes ?? []).length, mb = (b.spec?.accessModes ?? []).length;
    if (ma !== mb) return ma - mb;
    const ca = volumeCapacity(a), cb = volumeCapacity(b);
    if (ca !== cb) return ca - cb;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  return candidates[0];
}
