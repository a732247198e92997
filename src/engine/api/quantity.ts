// Kubernetes resource quantities (apimachinery/pkg/api/resource/quantity.go): "100m", "1.5",
// "128Mi", "1G", "1e3". Parsing is exact (BigInt rationals); `milliValue` and `value` round up
// away from zero as Quantity.MilliValue / Quantity.Value do. Results are JS numbers: exact up to
// 2^53 (about 9 PB in bytes or 9 TB of milli-units), which covers every simulated cluster.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface ParsedQuantity {
  /** value = num / den, den > 0 */
  num: bigint;
  den: bigint;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY_RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** Parses a quantity string; returns null where resource.ParseQuantity returns an error. */
export function parseQuantity(input: string | number): ParsedQuantity | null {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    input = String(input);
  }
  const m = QUANTITY_RE.exec(input.trim());
  if (!m) return null;
  const [, sign, digits, suffix = ''] = m;
  const [intPart, fracPart = ''] = digits.split('.');
  let num = BigInt((intPart || '0') + fracPart);
  let den = 10n ** BigInt(fracPart.length);
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY) {
    num *= 2n ** BigInt(BINARY[suffix]);
    format = 'BinarySI';
  } else if (suffix in DECIMAL) {
    const e = DECIMAL[suffix];
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  } else {
    const e = parseInt(suffix.slice(1), 10);
    if (Math.abs(e) > 100) return null;
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
    format = 'DecimalExponent';
  }
  if (sign === '-') num = -num;
  return { num, den, format };
}

/** Division rounding away from zero, as inf.Dec RoundUp does for Quantity.ScaledValue. */
function divAwayFromZero(num: bigint, den: bigint): bigint {
  const q = num / den;
  return q * den === num ? q : num > 0n ? q + 1n : q - 1n;
}

// The same few strings ("100m", "128Mi") come back constantly; remember their values.
const MEMO_LIMIT = 4096;
const milliMemo = new Map<string | number, number>();
const valueMemo = new Map<string | number, number>();

function memo(m: Map<string | number, number>, key: string | number, compute: () => number): number {
  const hit = m.get(key);
  if (hit !== undefined) return hit;
  const v = compute();
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(key, v);
  return v;
}

/** Quantity.MilliValue: value * 1000 rounded up. Invalid input gives 0 (callers validate first). */
export function milliValue(input: string | number | undefined | null): number {
  if (input == null) return 0;
  return memo(milliMemo, input, () => {
    const q = parseQuantity(input);
    return q ? Number(divAwayFromZero(q.num * 1000n, q.den)) : 0;
  });
}

/** Quantity.Value: the integer value rounded up ("1.5" -> 2, "100m" -> 1). */
export function quantityValue(input: string | number | undefined | null): number {
  if (input == null) return 0;
  return memo(valueMemo, input, () => {
    const q = parseQuantity(input);
    return q ? Number(divAwayFromZero(q.num, q.den)) : 0;
  });
}

export function isValidQuantity(input: string | number): boolean {
  return parseQuantity(input) !== null;
}

const BIN_SUFFIXES: [string, bigint][] = [
  ['Ei', 2n ** 60n],
  ['Pi', 2n ** 50n],
  ['Ti', 2n ** 40n],
  ['Gi', 2n ** 30n],
  ['Mi', 2n ** 20n],
  ['Ki', 2n ** 10n],
];
const DEC_SUFFIXES: [string, bigint][] = [
  ['E', 10n ** 18n],
  ['P', 10n ** 15n],
  ['T', 10n ** 12n],
  ['G', 10n ** 9n],
  ['M', 10n ** 6n],
  ['k', 10n ** 3n],
];

/**
 * Canonical text for a value given in milli-units, like Quantity.String(): the largest suffix
 * that keeps an integer mantissa. BinarySI falls back to decimal for values that are not
 * whole numbers, as upstream does.
 */
export function formatMilli(milli: number, format: QuantityFormat = 'DecimalSI'): string {
  const m = BigInt(Math.round(milli));
  const neg = m < 0n;
  const abs = neg ? -m : m;
  const sign = neg ? '-' : '';
  if (abs === 0n) return '0';
  if (abs % 1000n !== 0n) return `${sign}${abs}m`;
  const v = abs / 1000n;
  if (format === 'BinarySI' && v >= 1024n) {
    for (const [s, f] of BIN_SUFFIXES) if (v % f === 0n) return `${sign}${v / f}${s}`;
    return `${sign}${v}`;
  }
  if (format === 'BinarySI') return `${sign}${v}`;
  if (format === 'DecimalExponent') {
    for (const [, f] of DEC_SUFFIXES) if (v % f === 0n) return `${sign}${v / f}e${f.toString().length - 1}`;
    return `${sign}${v}`;
  }
  for (const [s, f] of DEC_SUFFIXES) if (v % f === 0n) return `${sign}${v / f}${s}`;
  return `${sign}${v}`;
}

/** Canonical text for a whole value (bytes, counts). */
export function formatQuantity(value: number, format: QuantityFormat = 'DecimalSI'): string {
  return formatMilli(value * 1000, format);
}

/** Re-renders user text in canonical form: "1.5Gi" -> "1536Mi", "0.5" -> "500m". */
export function canonicalQuantity(input: string): string | null {
  const q = parseQuantity(input);
  if (!q) return null;
  return formatMilli(Number(divAwayFromZero(q.num * 1000n, q.den)), q.format);
}
