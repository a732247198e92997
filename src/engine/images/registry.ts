// The simulated registry: whether a pull succeeds, what it costs, and the digests it returns.
// Failure text is containerd 2.x's as the kubelet passes it on (pkg/kubelet/images/
// image_manager.go: `Failed to pull image "x": <CRI error>`).
import { sha256Hex } from '../network/kubeproxy/sha256';
import { imageProfile } from './catalogue';
import { parseImageReference } from './reference';

export type PullOutcome =
  | { ok: true; sizeBytes: number; repoTag: string; repoDigest: string; imageID: string }
  | { ok: false; error: string };

/** Tags the simulated registry does not have: anything that says it does not exist. */
const MISSING_TAG = /does-?not-?exist|nonexist|not-?found/i;

/** A stable content digest for a reference (the same image has the same digest on every node). */
export function imageDigest(repository: string, tag: string): string {
  return `sha256:${sha256Hex(`${repository}:${tag}`)}`;
}

/** What pulling `image` gives. The reference must already be valid (see parseImageReference). */
export function pullOutcome(image: string): PullOutcome {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const ref = parsed.ref;
  if (!ref.digest && MISSING_TAG.test(ref.tag)) {
    return {
      ok: false,
      error: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.normalized}": failed to resolve image: ${ref.normalized}: not found`,
    };
  }
  const digest = ref.digest ?? imageDigest(ref.repository, ref.tag);
  return {
    ok: true,
    sizeBytes: imageProfile(image).sizeBytes,
    repoTag: ref.normalized,
    repoDigest: `${ref.repository}@${digest}`,
    imageID: `${ref.repository}@${digest}`,
  };
}

/** Simulated registry throughput: 40 MB/s after a 300 ms round trip (manifest, auth). */
export const PULL_BYTES_PER_SECOND = 40_000_000;
export const PULL_LATENCY_MS = 300;

/** How long a pull of `sizeBytes` takes (ms); `jitter` in [0, 1) spreads it by ±20 %. */
export function pullDurationMs(sizeBytes: number, jitter = 0.5): number {
  const base = PULL_LATENCY_MS + (sizeBytes / PULL_BYTES_PER_SECOND) * 1000;
  return Math.max(1, Math.round(base * (0.8 + 0.4 * jitter)));
}
