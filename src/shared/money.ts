/**
 * Money is stored and computed as integer minor units of 1/10,000 (SQL Server `money` has four
 * decimal places, so every Sellercloud amount fits exactly). Never sum binary floats.
 */
export const MONEY_SCALE = 10_000

/** Decimal wire amount → integer minor units. Rejects more than four decimals via the schema. */
export function toMinor(amount: number): number {
  // Math.round corrects the representation error of values like 0.1 * 10000.
  return Math.round(amount * MONEY_SCALE)
}

/** Integer minor units → decimal wire amount. */
export function fromMinor(minor: number): number {
  return minor / MONEY_SCALE
}

/** Multiply minor units by an integer quantity. */
export function times(minor: number, qty: number): number {
  return minor * qty
}

/** `minor × percent / 100`, rounded half away from zero to a whole minor unit. */
export function percentOf(minor: number, percentMinor: number): number {
  // percentMinor is the percent in minor units (12.5 % → 125000).
  const raw = (minor * percentMinor) / (100 * MONEY_SCALE)
  return Math.sign(raw) * Math.round(Math.abs(raw))
}

/** Divide and round half away from zero (e.g. unit price from case price). */
export function divideRounded(minor: number, divisor: number): number {
  const raw = minor / divisor
  return Math.sign(raw) * Math.round(Math.abs(raw))
}

/** True when the amount has at most four decimal places. */
export function hasMoneyPrecision(amount: number): boolean {
  return Math.abs(amount * MONEY_SCALE - Math.round(amount * MONEY_SCALE)) < 1e-6
}
