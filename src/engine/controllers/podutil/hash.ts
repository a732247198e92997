// Template hashes for pod-template-hash and controller-revision-hash labels.
// Upstream (pkg/controller/controller_utils.go ComputeHash) feeds FNV-32a with a go-spew dump
// of the PodTemplateSpec, then the collisionCount as 8 little-endian bytes, and encodes the
// decimal digits of the sum with rand.SafeEncodeString (apimachinery/pkg/util/rand). A
// byte-exact spew dump of a Go struct cannot be produced from JSON, so we hash a canonical
// JSON (sorted keys) instead: names have the same shape and alphabet and are stable for a
// given template, but they are not the hashes a real cluster would print.
import { NAME_ALPHABET } from '../../core/rng';

export const HASH_SIMPLIFICATION =
  'pod-template-hash and controller-revision-hash are FNV-32a hashes encoded with Kubernetes\' SafeEncodeString alphabet, ' +
  'as upstream computes them, but over a canonical JSON of the template instead of Go\'s spew dump, so the values differ ' +
  'from a real cluster\'s for the same template.';

/** JSON with object keys sorted at every level, so equal templates hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** FNV-32a over bytes (hash/fnv New32a). */
export function fnv32a(bytes: Iterable<number>, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte maps to alphanums[b % 27] (no vowels, no 0/1/3). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** The raw FNV-32a sum of a value's canonical JSON plus an optional collisionCount. */
export function templateHashSum(template: unknown, collisionCount?: number): number {
  let h = fnv32a(utf8(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    // binary.LittleEndian.PutUint32 into an 8-byte slice: 4 bytes of the count, 4 zero bytes.
    const c = collisionCount >>> 0;
    h = fnv32a([c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff, 0, 0, 0, 0], h);
  }
  return h;
}

/** ComputeHash: the pod-template-hash (Deployment) or controller-revision-hash (DaemonSet). */
export function computeHash(template: unknown, collisionCount?: number): string {
  return safeEncodeString(String(templateHashSum(template, collisionCount)));
}
