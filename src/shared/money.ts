/**
 * Money is stored and computed as integer minor units of 1/10,000 (SQL Server `money` has four
 * decimal places, so every Sellercloud amount fits exactly). Never sum binary floats.
 */
export const MONEY_SCALE = 10_000

/**
 * The largest amount a money field takes, either sign. SQL Server's `money` goes to
 * 922,337,203,685,477.5807, but amounts are JS numbers of minor units: 10^8 × 10,000 = 10^12 stays
 * exact, and so does a sum of up to 9,000 such amounts (2^53 ≈ 9 × 10^15), more than any order or PO
 * holds. It is also the cap of one order or PO line (docs/compat.md, "Bounded inputs").
 */
export const MAX_AMOUNT = 100_000_000

// A JSON number's text (also what String(number) gives): sign, digits, fraction, exponent.
const DECIMAL_TEXT = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

/**
 * Minor units of a decimal text, rounded half away from zero from its digits (as .NET's `decimal`
 * reads Json.NET's text), or null when the text is not a number or too large to be an amount.
 */
function minorOfText(text: string): number | null {
  const parts = DECIMAL_TEXT.exec(text)
  const approx = Number(text)
  if (parts === null || !Number.isFinite(approx) || Math.abs(approx) >= 1e11) {
    return null
  }
  if (Math.abs(approx) < 4e-5) {
    return 0 // below half a minor unit whatever the digits beyond a double's precision
  }
  const [, sign, int = '', frac = '', exp = '0'] = parts
  let digits = int + frac
  // The decimal point sits after `point` digits; |approx| ≥ 4e-5 bounds how far left it can go,
  // and the text's own length how far right, so the padding below stays small.
  let point = int.length + Number(exp)
  if (point < 0) {
    digits = '0'.repeat(-point) + digits
    point = 0
  }
  const kept = point + 4
  const whole = digits.slice(0, kept).padEnd(kept, '0')
  const roundUp = (digits[kept] ?? '0') >= '5'
  const minor = Number(whole) + (roundUp ? 1 : 0)
  return minor === 0 ? 0 : sign === '-' ? -minor : minor
}

/**
 * Decimal wire amount → integer minor units, rounded half away from zero to four decimals from the
 * number's shortest decimal text (so 0.00015 → 2, not the 1 its binary value just below would give).
 */
export function toMinor(amount: number): number {
  const minor = minorOfText(String(amount))
  // Out of range (the schemas bound every amount) or not finite: plain rounding, as before.
  return minor ?? Math.sign(amount) * Math.round(Math.abs(amount) * MONEY_SCALE)
}

/**
 * A JSON number's text → the amount rounded half away from zero to four decimals, as the nearest
 * number; a text beyond any amount comes back as its plain value, for the schema's bound to refuse.
 * @example amountFromText('0.00015') // 0.0002
 */
export function amountFromText(text: string): number {
  const minor = minorOfText(text)
  return minor === null ? Number(text) : fromMinor(minor)
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
