// Number formatting shared by every summary view, matching Python's output exactly.

/** `1234567` → `1,234,567` (Python's `f"{n:,}"`); null → `?`. */
export function formatCount(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '?';
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Plain integer text (tf.keras 2 prints counts without separators); null → `?`. */
export function formatPlainCount(n: number | null): string {
  return n === null || !Number.isFinite(n) ? '?' : String(Math.trunc(n));
}

const KERAS3_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;
const KERAS2_UNITS = ['Byte', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * Keras's `readable_memory_size`: divide by 1024 while the value is ≥ 1024, then `{:.2f} unit`.
 * `unitStyle: 'keras2'` uses tf.keras 2.13's `Byte` for the first unit. null → `?`.
 */
export function formatBytes(n: number | null, unitStyle: 'keras3' | 'keras2' = 'keras3'): string {
  if (n === null || !Number.isFinite(n) || n < 0) return '?';
  const units = unitStyle === 'keras2' ? KERAS2_UNITS : KERAS3_UNITS;
  // Work in eighths of a byte so sizes like 0.5 B per parameter stay exact, as Python's float is.
  let numerator: bigint;
  if (Number.isInteger(n)) numerator = BigInt(n) * 8n;
  else if (Number.isSafeInteger(n * 8)) numerator = BigInt(n * 8);
  else return `${n.toFixed(2)} ${units[0]}`;
  let denominator = 8n;
  for (const unit of units) {
    if (numerator < denominator * 1024n) return `${fixed2(numerator, denominator)} ${unit}`;
    denominator *= 1024n;
  }
  // Keras divides once more after PB and still labels the result PB.
  return `${fixed2(numerator, denominator)} ${units[units.length - 1]}`;
}

/** `numerator / denominator` with two decimals, ties to even like Python's exact `{:.2f}`. */
function fixed2(numerator: bigint, denominator: bigint): string {
  const scaled = numerator * 100n;
  let cents = scaled / denominator;
  const twiceRemainder = (scaled % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && cents % 2n === 1n)) cents += 1n;
  const whole = cents / 100n;
  const frac = cents % 100n;
  return `${whole}.${frac.toString().padStart(2, '0')}`;
}
