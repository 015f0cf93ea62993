import type { Database, DB } from '../../src/db/database.ts'
import type { PoLine } from '../../src/modules/purchase-orders/purchase-orders.types.ts'
import { toMinor } from '../../src/shared/money.ts'

// The one home of the request bodies tests and benchmarks send, and of the row counter they check
// writes with. A test that needs another shape passes overrides (keys keep their place, values change)
// instead of writing the body again. Bodies are plain JSON, as a client would send them: enum names
// ('Website', 'PurchaseOrder') and numbers both appear on purpose.

export type Body = Record<string, unknown>

// ── Purchase orders ────────────────────────────────────────────────────────────────────────────────

/** One unit-mode PO line (`POST /PurchaseOrders` `Products[]`). */
export function poLine(sku: string, qty: number, unitPrice: number) {
  return { ProductID: sku, QtyUnitsOrdered: qty, UnitPrice: unitPrice }
}

/** A unit-mode PO: company 1, vendor 1, ten WIDGET-RED at 4.10. */
export function unitBody(overrides: Body = {}) {
  return {
    CompanyID: 1,
    VendorID: 1,
    POType: 'PurchaseOrder',
    CaseQtyMode: false,
    Products: [poLine('WIDGET-RED', 10, 4.1)],
    ...overrides,
  }
}

/** A case-mode PO: company 1, vendor 2, three cases of four GADGET-PRO at 120 a case. */
export function caseBody(overrides: Body = {}) {
  return {
    CompanyID: 1,
    VendorID: 2,
    POType: 0,
    CaseQtyMode: true,
    Products: [{ ProductID: 'GADGET-PRO', QtyCasesOrdered: 3, QtyUnitsPerCase: 4, CasePrice: 120 }],
    ...overrides,
  }
}

/** `POST /PurchaseOrders/{id}/receive`: `qty` of each PO line `id`. */
export function receiveBody(lines: Array<{ id: number; qty: number }>) {
  return { Items: lines.map((l) => ({ ID: l.id, QtyToReceive: l.qty })) }
}

/** `PUT /PurchaseOrders/{id}/TrackingNumber`. */
export function trackingBody(trackingNumber: string, carrier = 'UPS') {
  return { TrackingNumber: trackingNumber, ShippedViaCarrier: carrier }
}

// ── Sales orders ───────────────────────────────────────────────────────────────────────────────────

/** One order line (`POST /Orders` `Products[]`). */
export function orderLine(sku: string, qty: number) {
  return { ProductID: sku, Qty: qty }
}

export interface OrderBodyOptions {
  /** Merged over Bea Buyer (buyer@example.com). */
  customer?: Body
  /** Merged over `{ CompanyID: 1, Channel: 'Website' }`. */
  details?: Body
}

/**
 * A website order of company 1 for Bea Buyer.
 * @example orderBody([orderLine('WIDGET-RED', 2)], { details: { OrderSourceOrderID: 'WEB-1' } })
 */
export function orderBody(products: Body[], options: OrderBodyOptions = {}) {
  return {
    CustomerDetails: {
      Email: 'buyer@example.com',
      FirstName: 'Bea',
      LastName: 'Buyer',
      ...options.customer,
    },
    OrderDetails: { CompanyID: 1, Channel: 'Website', ...options.details },
    Products: products,
  }
}

// ── Crossdock links ────────────────────────────────────────────────────────────────────────────────

/** One `LinkToPo` `Items[]` entry. */
export function linkItem(orderItemId: number, qty: number) {
  return { OrderItemID: orderItemId, QtyForPo: qty }
}

/** `POST /Orders/{id}/LinkToPo` to a new PO of `vendorId` (`items` null: the whole order). */
export function linkNewPoBody(
  vendorId: number,
  items: Body[] | null = null,
  companyId = 1,
): { NewPo: { CompanyID: number; VendorID: number }; Items: Body[] | null } {
  return { NewPo: { CompanyID: companyId, VendorID: vendorId }, Items: items }
}

/** `POST /Orders/{id}/LinkToPo` onto the open PO `poId` (`items` null: the whole order). */
export function linkExistingPoBody(
  poId: number,
  items: Body[] | null = null,
): { ExistingPo: { PoID: number }; Items: Body[] | null } {
  return { ExistingPo: { PoID: poId }, Items: items }
}

// ── Products ───────────────────────────────────────────────────────────────────────────────────────

/** `POST /Products` for company 1 (the SKU doubles as the name unless overridden). */
export function productBody(sku: string, overrides: Body = {}) {
  return { CompanyId: 1, ProductName: sku, ProductSKU: sku, ...overrides }
}

// ── Benchmarks (the harness and the CPU probe send the same work) ──────────────────────────────────

export const BENCH_SKUS = Array.from({ length: 10 }, (_, i) => `BENCH-${i + 1}`)

/** The ten bench products (company 1). */
export const benchProducts = BENCH_SKUS.map((sku, i) =>
  productBody(sku, {
    ProductName: `Bench product ${i + 1}`,
    ProductTypeName: 'Bench',
    SiteCost: 3 + i,
    DefaultPrice: 10 + i,
  }),
)

/** A 10-line unit-mode PO. */
export const benchPoBody = unitBody({
  DefaultWarehouseID: 1,
  Description: 'benchmark restock',
  Products: BENCH_SKUS.map((sku, i) => poLine(sku, 5 + i, 3.25 + i)),
})

/** A 10-line PO with a million units a line: the receive benchmark takes one unit a line per request. */
export const benchReceivePoBody = unitBody({
  DefaultWarehouseID: 1,
  Description: 'benchmark receipts',
  Products: BENCH_SKUS.map((sku, i) => poLine(sku, 1_000_000, 3.25 + i)),
})

/** A 5-line website order. */
export const benchOrderBody = orderBody(
  BENCH_SKUS.slice(0, 5).map((sku) => ({ ...orderLine(sku, 2), SitePrice: 12.5 })),
  { customer: { Email: 'bench@example.com', FirstName: 'Ben', LastName: 'Ch' } },
)

/** A one-line order of 100,000 units, to link one unit at a time. */
export const bigOrderBody = { ...benchOrderBody, Products: [orderLine('BENCH-1', 100_000)] }

// ── Rows ───────────────────────────────────────────────────────────────────────────────────────────

/** How many rows `table` holds (tests check that a rejected request wrote nothing). */
export async function countRows(db: Database, table: keyof DB): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A PO line as the purchase-orders module holds it (unit mode, 1 × 0.10, nothing received); `over` replaces any field. */
export function poLineOf(over: Partial<PoLine> = {}): PoLine {
  return {
    id: 1,
    poId: 1,
    position: 1,
    sku: 'SKU',
    productName: 'P',
    qtyOrdered: 1,
    qtyReceived: 0,
    unitPrice: toMinor(0.1),
    qtyCases: null,
    qtyPerCase: null,
    casePrice: null,
    discountType: null,
    discountValue: 0,
    warehouseId: null,
    itemNotes: '',
    relatedOrderId: null,
    allowOverReceiving: false,
    ...over,
  }
}
