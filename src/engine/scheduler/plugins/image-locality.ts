// ImageLocality (plugins/imagelocality/image_locality.go): favours nodes that already have the
// pod's images, scaled by how many nodes have them (spread), between 23 MB and 1000 MB per
// container.
import type { Plugin } from '../plugin-api';
import { MAX_NODE_SCORE } from '../plugin-api';
import { normalizedImageName } from '../node-info';
import type { PodInfo } from '../pod-info';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function imageLocalityPriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

export const imageLocality = (): Plugin => ({
  name: 'ImageLocality',
  score(state, pod, node) {
    const total = state.cache.numNodes;
    const names = imageNames.get(pod) ?? normalizedImages(pod);
    let sum = 0;
    for (const name of names) {
      const size = node.images.get(name);
      if (size === undefined) continue;
      const spread = (state.cache.imageNodes.get(name) ?? 0) / total;
      sum += Math.trunc(size * spread);
    }
    return imageLocalityPriority(sum, names.length);
  },
});

/** Normalized image names per pod, computed once per PodInfo. */
const imageNames = new WeakMap<PodInfo, string[]>();
function normalizedImages(pod: PodInfo): string[] {
  const names = [...(pod.pod.spec?.initContainers ?? []), ...(pod.pod.spec?.containers ?? [])].map((c) => normalizedImageName(c.image ?? ''));
  imageNames.set(pod, names);
  return names;
}
