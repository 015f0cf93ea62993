import type { Static } from 'typebox'
import { divideRounded, toMinor } from '../../shared/money.ts'
import { canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import type { ModelStateBuilder } from '../../shared/model-state.ts'
import { DISCOUNT_TYPE } from '../../wire/enums.ts'
import { MAX_LINE_TOTAL_MINOR, given, lineAmounts } from './purchase-orders.rules.ts'
import type { CreatePoItem } from './purchase-orders.schemas.ts'
import type { PoLineDraft } from './purchase-orders.types.ts'

// Pure rules of creating a purchase order: no I/O, unit-tested in create-purchase-order.rules.test.ts.

export const MAX_LINES = 5000

/** A create-request line, after wire normalisation (names canonical, enums numeric). */
export type CreateLineInput = Static<typeof CreatePoItem>

export interface CreateLineContext {
  caseQtyMode: boolean
  multiDiscountEnabled: boolean
  defaultWarehouseId: number | null
  /** The vendor's unit cost for the SKU, used when no price is sent. */
  unitCostOf(sku: string): number | undefined
}

/**
 * Checks one create-request line and turns it into a draft. Problems are added to `issues`
 * under `Products[i].Field`; the draft is returned only when the line is valid.
 */
export function draftCreateLine(
  input: CreateLineInput,
  index: number,
  ctx: CreateLineContext,
  issues: ModelStateBuilder,
): PoLineDraft | null {
  const at = (field: string) => `Products[${index}].${field}`
  const before = issues.size
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
      if (discountType === DISCOUNT_TYPE.Percentage && discountValue > toMinor(100)) {
        issues.add(at('DiscountValue'), 'A percentage discount should be between 0 and 100.')
      }
    }
  }
  if (issues.size > before) {
    return null
  }

  const cost = ctx.unitCostOf(input.ProductID) ?? 0
  let quantities: Pick<
    PoLineDraft,
    'qtyOrdered' | 'unitPrice' | 'qtyCases' | 'qtyPerCase' | 'casePrice'
  >
  if (ctx.caseQtyMode) {
    const cases = input.QtyCasesOrdered!
    const perCase = input.QtyUnitsPerCase!
    const casePrice = given(input.CasePrice) ? toMinor(input.CasePrice!) : cost * perCase
    quantities = {
      qtyOrdered: cases * perCase,
      unitPrice: divideRounded(casePrice, perCase),
      qtyCases: cases,
      qtyPerCase: perCase,
      casePrice,
    }
  } else {
    quantities = {
      qtyOrdered: input.QtyUnitsOrdered!,
      unitPrice: given(input.UnitPrice) ? toMinor(input.UnitPrice!) : cost,
      qtyCases: null,
      qtyPerCase: null,
      casePrice: null,
    }
  }
  const draft: PoLineDraft = {
    sku: input.ProductID,
    ...quantities,
    discountType,
    discountValue,
    warehouseId: input.WarehouseID ?? ctx.defaultWarehouseId,
    itemNotes: input.ItemNotes ?? '',
    relatedOrderId: null,
    allowOverReceiving: input.AllowOverReceiving === true,
  }
  const amounts = lineAmounts({ ...draft, discountType: null })
  if (amounts.gross > MAX_LINE_TOTAL_MINOR) {
    issues.add(
      at(ctx.caseQtyMode ? 'QtyCasesOrdered' : 'QtyUnitsOrdered'),
      'The line total exceeds 100,000,000.',
    )
    return null
  }
  if (discountType === DISCOUNT_TYPE.FixedAmount && discountValue > amounts.gross) {
    issues.add(
      at('DiscountValue'),
      `A fixed discount cannot exceed the line total (${amounts.gross / 10_000}).`,
    )
    return null
  }
  return draft
}

/** `Address.Country` must be a two-letter code; returns it upper-cased. */
export function checkCountryCode(
  country: string,
  field: string,
  issues: ModelStateBuilder,
): string {
  const code = country.trim()
  if (!/^[A-Za-z]{2}$/.test(code)) {
    issues.add(
      field,
      `"${code.slice(0, 20)}" is not a two-letter country code (ISO 3166-1 alpha-2, e.g. US).`,
    )
  }
  return code.toUpperCase()
}

/**
 * The problems of one PO line's product and warehouse, added to `issues` under `Products[i]`:
 * a product the user cannot see is answered as one that does not exist; it must belong to the PO's
 * company and be active; a named warehouse must exist. Returns the product when the user may see it.
 */
export function checkLineProduct<P extends { companyId: number; isActive: boolean }>(
  issues: ModelStateBuilder,
  i: number,
  item: { ProductID: string; WarehouseID?: number | null },
  found: P | undefined,
  context: { user: AuthUser; companyId: number; warehouseExists: (id: number) => boolean },
): P | undefined {
  const product =
    found !== undefined && canAccessCompany(context.user, found.companyId) ? found : undefined
  if (product === undefined) {
    issues.add(`Products[${i}].ProductID`, `Product ${item.ProductID} was not found.`)
  } else if (product.companyId !== context.companyId) {
    issues.add(
      `Products[${i}].ProductID`,
      `Product ${item.ProductID} belongs to company ${product.companyId}, not ${context.companyId}.`,
    )
  } else if (!product.isActive) {
    issues.add(
      `Products[${i}].ProductID`,
      `Product ${item.ProductID} is inactive and cannot be added to a purchase order.`,
    )
  }
  if (item.WarehouseID != null && !context.warehouseExists(item.WarehouseID)) {
    issues.add(`Products[${i}].WarehouseID`, `Warehouse ${item.WarehouseID} was not found.`)
  }
  return product
}
