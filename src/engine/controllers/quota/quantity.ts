// Resource quantities as far as quota, limit ranges and volume sizes need them
// (apimachinery/pkg/api/resource/quantity.go): parse `500m`, `1.5`, `2Gi`, `1e3`, `128M`;
// add keeping the first operand's format; print canonically (`1500m`, `2`, `1536Mi`, `1G`).
// Values are JavaScript numbers: exact for the sizes a simulation uses.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  value: number;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export function parseQuantity(text: string | number | undefined | null): Quantity | undefined {
  if (text === undefined || text === null) return undefined;
  if (typeof text === 'number') return { value: text, format: 'DecimalSI' };
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(text.trim());
  if (!m) return undefined;
  const n = parseFloat(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return { value: n * BINARY[suffix], format: 'BinarySI' };
  if (/^[eE]/.test(suffix)) return { value: n * 10 ** parseInt(suffix.slice(1), 10), format: 'DecimalExponent' };
  return { value: n * DECIMAL[suffix], format: 'DecimalSI' };
}

/** The value, 0 when unparseable or absent. */
export function quantityValue(text: string | number | undefined | null): number {
  return parseQuantity(text)?.value ?? 0;
}

export function addQuantities(a: Quantity | undefined, b: Quantity): Quantity {
  return a ? { value: a.value + b.value, format: a.format } : { ...b };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Quantity.String(): the canonical form. */
export function formatQuantity(q: Quantity): string {
  const v = round(q.value);
  if (v === 0) return '0';
  if (q.format === 'BinarySI' && Number.isInteger(v)) {
    for (const [suffix, mult] of Object.entries(BINARY).reverse()) if (Math.abs(v) >= mult && v % mult === 0) return `${v / mult}${suffix}`;
    // Below 1Ki or not a whole number of Ki, Go prints the decimal form.
    if (Math.abs(v) < 1024) return String(v);
  }
  if (!Number.isInteger(v)) {
    const milli = Math.round(v * 1000);
    if (Math.abs(round(milli - v * 1000)) < 1e-6) return `${milli}m`;
    const micro = Math.round(v * 1e6);
    return `${micro}u`;
  }
  const suffixes: [string, number][] = [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]];
  for (const [suffix, mult] of suffixes) if (Math.abs(v) >= mult && v % mult === 0) return `${v / mult}${suffix}`;
  return String(v);
}
