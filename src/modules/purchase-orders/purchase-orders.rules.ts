import { divideRounded, percentOf, toMinor } from '../../shared/money.ts'
import { DISCOUNT_TYPE } from '../../wire/enums.ts'
import { PoReceivingStatus } from './purchase-orders.enums.ts'
import type { PoLine, PurchaseOrder } from './purchase-orders.types.ts'

// Pure rules that several purchase-order use cases share: no I/O, unit-tested in
// purchase-orders.rules.test.ts. Each use case's own rules are in <use case>.rules.ts.

/** The largest line total accepted (100 million): 5,000 such lines still sum exactly in a double. */
export const MAX_LINE_TOTAL_MINOR = toMinor(100_000_000)

/** Whether an optional request field was sent with a value (neither omitted nor null). */
export const given = (v: unknown): boolean => v !== undefined && v !== null

export interface LineAmounts {
  /** Before discount: cases × case price in case mode, else units × unit price. */
  gross: number
  discount: number
  net: number
  /** Net per unit, rounded to a minor unit. */
  adjustedUnitPrice: number
}

export function lineAmounts(
  line: Pick<
    PoLine,
    'qtyOrdered' | 'unitPrice' | 'qtyCases' | 'casePrice' | 'discountType' | 'discountValue'
  >,
): LineAmounts {
  const gross =
    line.qtyCases !== null && line.casePrice !== null
      ? line.qtyCases * line.casePrice
      : line.qtyOrdered * line.unitPrice
  let discount = 0
  if (line.discountType === DISCOUNT_TYPE.FixedAmount) {
    discount = line.discountValue
  } else if (line.discountType === DISCOUNT_TYPE.Percentage) {
    discount = percentOf(gross, line.discountValue)
  }
  const net = gross - discount
  return {
    gross,
    discount,
    net,
    adjustedUnitPrice: line.qtyOrdered > 0 ? divideRounded(net, line.qtyOrdered) : 0,
  }
}

export function lineReceivingStatus(line: Pick<PoLine, 'qtyOrdered' | 'qtyReceived'>): number {
  if (line.qtyReceived <= 0) {
    return PoReceivingStatus.None
  }
  return line.qtyReceived >= line.qtyOrdered
    ? PoReceivingStatus.FullyReceived
    : PoReceivingStatus.PartiallyReceived
}

/** The PO's receiving status from its lines. A PO without lines has received nothing. */
export function poReceivingStatus(
  lines: Array<Pick<PoLine, 'qtyOrdered' | 'qtyReceived'>>,
): number {
  if (lines.length === 0 || lines.every((l) => l.qtyReceived <= 0)) {
    return PoReceivingStatus.None
  }
  return lines.every((l) => l.qtyReceived >= l.qtyOrdered)
    ? PoReceivingStatus.FullyReceived
    : PoReceivingStatus.PartiallyReceived
}

export interface PoTotals {
  subTotal: number
  discountTotal: number
  grandTotal: number
  /** Net value of what is still to be received. */
  unreceivedTotal: number
  /** Net value of units received beyond the ordered quantity. */
  overReceived: number
  totalUnits: number
}

/** Totals derived from the lines (never stored), in minor units. */
export function poTotals(po: Pick<PurchaseOrder, 'lines' | 'shippingTotal'>): PoTotals {
  const t: PoTotals = {
    subTotal: 0,
    discountTotal: 0,
    grandTotal: 0,
    unreceivedTotal: 0,
    overReceived: 0,
    totalUnits: 0,
  }
  for (const line of po.lines) {
    const a = lineAmounts(line)
    t.subTotal += a.gross
    t.discountTotal += a.discount
    t.totalUnits += line.qtyOrdered
    if (line.qtyOrdered > 0) {
      const open = Math.max(0, line.qtyOrdered - line.qtyReceived)
      const over = Math.max(0, line.qtyReceived - line.qtyOrdered)
      t.unreceivedTotal += divideRounded(a.net * open, line.qtyOrdered)
      t.overReceived += over * a.adjustedUnitPrice
    }
  }
  t.grandTotal = t.subTotal - t.discountTotal + po.shippingTotal
  return t
}
