// Number formatting that must match Go's fmt and C's printf digit for digit.

/**
 * Exact fixed-point formatting of a double with round-half-to-even on its exact binary value,
 * like Go's strconv ('%0.Nf') and glibc printf ('%.Nf'). Number.prototype.toFixed rounds ties
 * up instead, which differs for values such as 1/2048 at 10 digits.
 */
export function formatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value) || value < 0) return value.toFixed(digits);
  // value = mantissa * 2^exponent exactly.
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, value);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (biased === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  const scale = 10n ** BigInt(digits);
  let scaled: bigint;
  if (exponent >= 0) {
    scaled = mantissa * scale * (1n << BigInt(exponent));
  } else {
    const denom = 1n << BigInt(-exponent);
    const num = mantissa * scale;
    scaled = num / denom;
    const twiceRem = (num % denom) * 2n;
    if (twiceRem > denom || (twiceRem === denom && scaled % 2n === 1n)) scaled += 1n;
  }
  const text = scaled.toString().padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** kube-proxy's computeProbability(n): fmt.Sprintf("%0.10f", 1.0/float64(n)). */
export function probabilityString(n: number): string {
  // Every sync writes 1/n for the same few n: exact formatting (BigInt) once per n.
  let text = probabilityCache.get(n);
  if (text === undefined) probabilityCache.set(n, (text = formatFixed(1 / n, 10)));
  return text;
}

const probabilityCache = new Map<number, string>();

/**
 * What iptables-save prints for a statistic match written with `--probability p`: the kernel keeps
 * lround(p * 2^31) as a u32 and libxt_statistic prints it back with "%.11f".
 */
export function savedProbabilityString(written: string): string {
  const stored = Math.round(Number(written) * 0x80000000);
  return formatFixed(stored / 0x80000000, 11);
}

/** Go's fmt.Sprintf("%#08x", v): "0x" then at least 8 hex digits (kube-proxy's masquerade mark). */
export function goHex08(value: number): string {
  return '0x' + (value >>> 0).toString(16).padStart(8, '0');
}

/** C's "0x%x" (how iptables-save prints marks and masks). */
export function cHex(value: number): string {
  return '0x' + (value >>> 0).toString(16);
}
