import { divideRounded, percentOf, toMinor } from '../../shared/money.ts'
import { RuleViolationError, ValidationError, type ModelState } from '../../shared/errors.ts'
import {
  DiscountType,
  PoReceivingStatus,
  PoStatus,
  type PoLine,
  type PoLineDraft,
  type PurchaseOrder,
} from './purchase-orders.types.ts'

// Pure rules of the purchase-order workflow: no I/O, unit-tested in purchase-orders.rules.test.ts.

/** The largest line total accepted (100 million): 5,000 such lines still sum exactly in a double. */
export const MAX_LINE_TOTAL_MINOR = toMinor(100_000_000)
export const MAX_LINES = 5000

/** Collects field problems and throws them together as one 400. */
export class Issues {
  readonly state: ModelState = {}
  add(field: string, message: string): void {
    ;(this.state[`model.${field}`] ??= []).push(message)
  }
  get empty(): boolean {
    return Object.keys(this.state).length === 0
  }
  throwIfAny(): void {
    if (!this.empty) {
      throw new ValidationError(this.state)
    }
  }
}

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
  if (line.discountType === DiscountType.FixedAmount) {
    discount = line.discountValue
  } else if (line.discountType === DiscountType.Percentage) {
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

/** A create-request line, after wire normalisation (names canonical, enums numeric). */
export interface CreateLineInput {
  ProductID: string
  QtyUnitsOrdered?: number | null
  UnitPrice?: number | null
  QtyCasesOrdered?: number | null
  QtyUnitsPerCase?: number | null
  CasePrice?: number | null
  DiscountType?: number | null
  DiscountValue?: number | null
  WarehouseID?: number | null
  ItemNotes?: string | null
  AllowOverReceiving?: boolean | null
}

export interface CreateLineContext {
  caseQtyMode: boolean
  multiDiscountEnabled: boolean
  defaultWarehouseId: number | null
  /** The vendor's unit cost for the SKU, used when no price is sent. */
  unitCostOf(sku: string): number | undefined
}

const given = (v: unknown): boolean => v !== undefined && v !== null

/**
 * Checks one create-request line and turns it into a draft. Problems are added to `issues`
 * under `Products[i].Field`; the draft is returned only when the line is valid.
 */
export function draftCreateLine(
  input: CreateLineInput,
  index: number,
  ctx: CreateLineContext,
  issues: Issues,
): PoLineDraft | null {
  const at = (field: string) => `Products[${index}].${field}`
  const before = Object.keys(issues.state).length
  const unitFields = ['QtyUnitsOrdered', 'UnitPrice'] as const
  const caseFields = ['QtyCasesOrdered', 'QtyUnitsPerCase', 'CasePrice'] as const
  for (const f of ctx.caseQtyMode ? unitFields : caseFields) {
    if (given(input[f])) {
      issues.add(
        at(f),
        `Should only be set when CaseQtyMode is ${ctx.caseQtyMode ? 'false' : 'true'}.`,
      )
    }
  }
  const positive = (f: 'QtyUnitsOrdered' | 'QtyCasesOrdered' | 'QtyUnitsPerCase') => {
    const v = input[f]
    if (!given(v)) {
      issues.add(
        at(f),
        `The ${f} field is required when CaseQtyMode is ${String(ctx.caseQtyMode)}.`,
      )
    } else if ((v as number) <= 0) {
      issues.add(at(f), 'Should be greater than 0.')
    }
  }
  const nonNegative = (f: 'UnitPrice' | 'CasePrice' | 'DiscountValue') => {
    const v = input[f]
    if (given(v) && (v as number) < 0) {
      issues.add(at(f), 'Cannot be negative.')
    }
  }
  if (ctx.caseQtyMode) {
    positive('QtyCasesOrdered')
    positive('QtyUnitsPerCase')
    nonNegative('CasePrice')
  } else {
    positive('QtyUnitsOrdered')
    nonNegative('UnitPrice')
  }

  let discountType: number | null = null
  let discountValue = 0
  if (ctx.multiDiscountEnabled) {
    for (const f of ['DiscountType', 'DiscountValue'] as const) {
      if (given(input[f])) {
        issues.add(
          at(f),
          `Can only be provided when client setting 'Enable Multi Discount for Purchase Order' (EnableMultiDiscountForPurchaseOrder) is disabled.`,
        )
      }
    }
  } else if (given(input.DiscountValue)) {
    nonNegative('DiscountValue')
    if (!given(input.DiscountType)) {
      issues.add(
        at('DiscountType'),
        'The DiscountType field is required when DiscountValue is given.',
      )
    } else {
      discountType = input.DiscountType!
      discountValue = toMinor(input.DiscountValue!)
      if (discountType === DiscountType.Percentage && discountValue > toMinor(100)) {
        issues.add(at('DiscountValue'), 'A percentage discount should be between 0 and 100.')
      }
    }
  }
  if (Object.keys(issues.state).length > before) {
    return null
  }

  const cost = ctx.unitCostOf(input.ProductID) ?? 0
  let draft: PoLineDraft
  if (ctx.caseQtyMode) {
    const cases = input.QtyCasesOrdered!
    const perCase = input.QtyUnitsPerCase!
    const casePrice = given(input.CasePrice) ? toMinor(input.CasePrice!) : cost * perCase
    draft = {
      sku: input.ProductID,
      qtyOrdered: cases * perCase,
      unitPrice: divideRounded(casePrice, perCase),
      qtyCases: cases,
      qtyPerCase: perCase,
      casePrice,
      discountType,
      discountValue,
      warehouseId: input.WarehouseID ?? ctx.defaultWarehouseId,
      itemNotes: input.ItemNotes ?? '',
      relatedOrderId: null,
      allowOverReceiving: input.AllowOverReceiving === true,
    }
  } else {
    draft = {
      sku: input.ProductID,
      qtyOrdered: input.QtyUnitsOrdered!,
      unitPrice: given(input.UnitPrice) ? toMinor(input.UnitPrice!) : cost,
      qtyCases: null,
      qtyPerCase: null,
      casePrice: null,
      discountType,
      discountValue,
      warehouseId: input.WarehouseID ?? ctx.defaultWarehouseId,
      itemNotes: input.ItemNotes ?? '',
      relatedOrderId: null,
      allowOverReceiving: input.AllowOverReceiving === true,
    }
  }
  const amounts = lineAmounts({ ...draft, discountType: null })
  if (amounts.gross > MAX_LINE_TOTAL_MINOR) {
    issues.add(
      at(ctx.caseQtyMode ? 'QtyCasesOrdered' : 'QtyUnitsOrdered'),
      'The line total exceeds 100,000,000.',
    )
    return null
  }
  if (discountType === DiscountType.FixedAmount && discountValue > amounts.gross) {
    issues.add(
      at('DiscountValue'),
      `A fixed discount cannot exceed the line total (${amounts.gross / 10_000}).`,
    )
    return null
  }
  return draft
}

/** `Address.Country` must be a two-letter code; returns it upper-cased. */
export function checkCountryCode(country: string, field: string, issues: Issues): string {
  const code = country.trim()
  if (!/^[A-Za-z]{2}$/.test(code)) {
    issues.add(
      field,
      `"${code.slice(0, 20)}" is not a two-letter country code (ISO 3166-1 alpha-2, e.g. US).`,
    )
  }
  return code.toUpperCase()
}

export function assertPoCanBeReceived(po: Pick<PurchaseOrder, 'id' | 'status'>): void {
  if (po.status === PoStatus.Cancelled) {
    throw new RuleViolationError(
      null,
      `Purchase order ${po.id} is cancelled and cannot be received.`,
    )
  }
}

export interface ReceiveItemInput {
  ID: number
  QtyToReceive?: number | null
  CaseQtyToReceive?: number | null
}

/**
 * Units each line receives now (line ID → units). Every item must name a line of this PO,
 * receive a positive quantity, and not exceed what remains unless the line allows it.
 */
export function planReceipt(po: PurchaseOrder, items: ReceiveItemInput[]): Map<number, number> {
  const issues = new Issues()
  const byId = new Map(po.lines.map((l) => [l.id, l]))
  const plan = new Map<number, number>()
  items.forEach((item, i) => {
    const at = (f: string) => `Items[${i}].${f}`
    const line = byId.get(item.ID)
    if (line === undefined) {
      issues.add(at('ID'), `Item ${item.ID} is not a line of purchase order ${po.id}.`)
      return
    }
    if (plan.has(line.id)) {
      issues.add(at('ID'), `Item ${item.ID} is listed more than once.`)
      return
    }
    const units = given(item.QtyToReceive)
    const cases = given(item.CaseQtyToReceive)
    if (units === cases) {
      issues.add(at('QtyToReceive'), 'Give exactly one of QtyToReceive and CaseQtyToReceive.')
      return
    }
    let qty: number
    if (cases) {
      if (line.qtyPerCase === null) {
        issues.add(
          at('CaseQtyToReceive'),
          `Item ${line.id} was not ordered in cases; use QtyToReceive.`,
        )
        return
      }
      qty = item.CaseQtyToReceive! * line.qtyPerCase
    } else {
      qty = item.QtyToReceive!
    }
    const field = cases ? 'CaseQtyToReceive' : 'QtyToReceive'
    if (qty <= 0) {
      issues.add(at(field), 'Should be greater than 0.')
      return
    }
    const remaining = Math.max(0, line.qtyOrdered - line.qtyReceived)
    if (qty > remaining && !line.allowOverReceiving) {
      issues.add(
        at(field),
        `Only ${remaining} unit(s) of ${line.sku} remain to be received (ordered ${line.qtyOrdered}, received ${line.qtyReceived}); this line does not allow over-receiving.`,
      )
      return
    }
    plan.set(line.id, qty)
  })
  issues.throwIfAny()
  return plan
}

export interface TrackingInput {
  ShippedOn?: string | null
  ShippedViaCarrier?: string | null
  ShippingCarrier?: string | null
  TrackingNumber?: string | null
}

export interface TrackingChange {
  trackingNumber?: string
  shippingCarrier?: string
  shippedOn?: string
  shippingStatus?: number
}

/**
 * What a single-tracking update changes. Null or omitted fields stay as they are; a tracking
 * number on an unshipped PO marks it fully shipped (ShippedOn now unless given).
 */
export function planTrackingUpdate(
  po: Pick<PurchaseOrder, 'id' | 'status' | 'shippingStatus'>,
  input: TrackingInput,
  multipleTrackingEnabled: boolean,
  now: string,
): TrackingChange {
  if (multipleTrackingEnabled) {
    throw new RuleViolationError(
      null,
      `Single tracking cannot be updated while client setting 'Enable Multiple Tracking Numbers On PO' (EnableMultipleTrackingNumbersOnPO) is enabled.`,
      'SETTING_DISABLED',
    )
  }
  if (po.status === PoStatus.Cancelled) {
    throw new RuleViolationError(
      null,
      `Purchase order ${po.id} is cancelled; its shipping information cannot change.`,
    )
  }
  const change: TrackingChange = {}
  const a = input.ShippedViaCarrier
  const b = input.ShippingCarrier
  if (given(a) && given(b) && a!.trim() !== b!.trim()) {
    throw ValidationError.field(
      'ShippingCarrier',
      'ShippedViaCarrier and ShippingCarrier name different carriers; send one of them.',
    )
  }
  const carrier = a ?? b
  if (given(carrier)) {
    change.shippingCarrier = carrier!.trim()
  }
  if (given(input.TrackingNumber)) {
    change.trackingNumber = input.TrackingNumber!.trim()
  }
  let status = po.shippingStatus
  if (status === 0 && change.trackingNumber !== undefined && change.trackingNumber !== '') {
    status = 2
    change.shippingStatus = 2
    change.shippedOn = input.ShippedOn ?? now
  }
  if (given(input.ShippedOn)) {
    if (status === 0) {
      throw ValidationError.field(
        'ShippedOn',
        `ShippedOn can only be set once the purchase order has shipped, and its ShippingStatus is still None; send a TrackingNumber with it.`,
      )
    }
    change.shippedOn = input.ShippedOn!
  }
  return change
}

/** Status after receiving: Received once every line is fully received, else unchanged. */
export function statusAfterReceipt(currentStatus: number, receivingStatus: number): number {
  return receivingStatus === PoReceivingStatus.FullyReceived ? PoStatus.Received : currentStatus
}
