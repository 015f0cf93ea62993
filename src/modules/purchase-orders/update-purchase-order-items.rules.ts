import type { Static } from 'typebox'
import { divideRounded, toMinor } from '../../shared/money.ts'
import type { ModelStateBuilder } from '../../shared/model-state.ts'
import { DISCOUNT_TYPE } from '../../wire/enums.ts'
import { PoReceivingStatus, PoStatus } from './purchase-orders.enums.ts'
import { MAX_LINE_TOTAL_MINOR, given, lineAmounts } from './purchase-orders.rules.ts'
import type { UpdatePoItem } from './purchase-orders.edits.schemas.ts'
import type { PoLine } from './purchase-orders.types.ts'

// Pure rules of PUT /PurchaseOrders/{id}/Items and POST …/items: no I/O, unit-tested beside.

export type UpdateLineInput = Static<typeof UpdatePoItem>

/** The columns an items update may change, as they will be stored. */
export interface LineChange {
  qtyOrdered: number
  unitPrice: number
  qtyCases: number | null
  qtyPerCase: number | null
  casePrice: number | null
  expectedDelivery: string | null
}

const UNIT_FIELDS = ['QtyUnitsOrdered', 'UnitPrice'] as const
const CASE_FIELDS = ['QtyCasesOrdered', 'QtyUnitsPerCase', 'CasePrice'] as const

/**
 * Checks one `Items[i]` of an items update against its line: unit fields only when the PO is not
 * in case mode, case fields only when it is (the create rules and messages); quantities > 0,
 * prices ≥ 0; the line may not go below its received units; the line total stays ≤ 100,000,000
 * and above a fixed discount. Null or omitted keeps the line's value. Problems go to `issues`
 * under `Items[i].Field`; the change is returned only when the item is valid.
 */
export function draftLineChange(
  line: PoLine,
  input: UpdateLineInput,
  index: number,
  caseQtyMode: boolean,
  issues: ModelStateBuilder,
): LineChange | null {
  const at = (field: string) => `Items[${index}].${field}`
  const before = issues.size
  for (const f of caseQtyMode ? UNIT_FIELDS : CASE_FIELDS) {
    if (given(input[f])) {
      issues.add(at(f), `Should only be set when CaseQtyMode is ${caseQtyMode ? 'false' : 'true'}.`)
    }
  }
  for (const f of caseQtyMode ? CASE_FIELDS : UNIT_FIELDS) {
    const v = input[f]
    if (!given(v)) {
      continue
    }
    if (f === 'UnitPrice' || f === 'CasePrice') {
      if ((v as number) < 0) {
        issues.add(at(f), 'Cannot be negative.')
      }
    } else if ((v as number) <= 0) {
      issues.add(at(f), 'Should be greater than 0.')
    }
  }
  if (issues.size > before) {
    return null
  }
  const change: LineChange = {
    qtyOrdered: line.qtyOrdered,
    unitPrice: line.unitPrice,
    qtyCases: line.qtyCases,
    qtyPerCase: line.qtyPerCase,
    casePrice: line.casePrice,
    expectedDelivery: given(input.ExpectedDeliveryDate)
      ? input.ExpectedDeliveryDate!
      : (line.expectedDelivery ?? null),
  }
  let qtyField: string
  if (caseQtyMode) {
    // A unit line in a case-mode PO (crossdock adds units) reads as cases of one.
    const cases = input.QtyCasesOrdered ?? line.qtyCases ?? line.qtyOrdered
    const perCase = input.QtyUnitsPerCase ?? line.qtyPerCase ?? 1
    const casePrice = given(input.CasePrice)
      ? toMinor(input.CasePrice!)
      : (line.casePrice ?? line.unitPrice * perCase)
    if (given(input.QtyCasesOrdered) || given(input.QtyUnitsPerCase) || given(input.CasePrice)) {
      Object.assign(change, {
        qtyOrdered: cases * perCase,
        unitPrice: divideRounded(casePrice, perCase),
        qtyCases: cases,
        qtyPerCase: perCase,
        casePrice,
      })
    }
    qtyField = given(input.QtyUnitsPerCase) ? 'QtyUnitsPerCase' : 'QtyCasesOrdered'
  } else {
    change.qtyOrdered = input.QtyUnitsOrdered ?? line.qtyOrdered
    change.unitPrice = given(input.UnitPrice) ? toMinor(input.UnitPrice!) : line.unitPrice
    qtyField = 'QtyUnitsOrdered'
  }
  if (change.qtyOrdered < line.qtyReceived) {
    issues.add(
      at(qtyField),
      `Item ${line.id} (${line.sku}) has ${line.qtyReceived} unit(s) received; it cannot be ordered below ${line.qtyReceived} (asked ${change.qtyOrdered}).`,
    )
    return null
  }
  const amounts = lineAmounts({ ...line, ...change, discountType: null })
  if (amounts.gross > MAX_LINE_TOTAL_MINOR) {
    issues.add(at(qtyField), 'The line total exceeds 100,000,000.')
    return null
  }
  if (line.discountType === DISCOUNT_TYPE.FixedAmount && line.discountValue > amounts.gross) {
    issues.add(
      at(qtyField),
      `The line's fixed discount (${line.discountValue / 10_000}) would exceed its total (${amounts.gross / 10_000}).`,
    )
    return null
  }
  return change
}

/**
 * The PO status once its lines changed: Received when every line is in (lowering a line to its
 * received units completes it); a Received PO that gets open units again goes back to Ordered.
 */
export function statusAfterLineChange(currentStatus: number, receivingStatus: number): number {
  if (receivingStatus === PoReceivingStatus.FullyReceived) {
    return PoStatus.Received
  }
  return currentStatus === PoStatus.Received ? PoStatus.Ordered : currentStatus
}

/** Cancelled and Completed POs are closed: their lines no longer change. */
export function closedPoMessage(poId: number, status: number): string | null {
  if (status === PoStatus.Cancelled) {
    return `Purchase order ${poId} is cancelled; its items cannot change.`
  }
  if (status === PoStatus.Completed) {
    return `Purchase order ${poId} is completed; its items cannot change.`
  }
  return null
}
