// The request bodies every benchmark sends, so the harness and the CPU probe measure the same work.

export const BENCH_SKUS = Array.from({ length: 10 }, (_, i) => `BENCH-${i + 1}`)

/** POST /Products bodies for the ten bench products (company 1). */
export const benchProducts = BENCH_SKUS.map((sku, i) => ({
  CompanyId: 1,
  ProductName: `Bench product ${i + 1}`,
  ProductSKU: sku,
  ProductTypeName: 'Bench',
  SiteCost: 3 + i,
  DefaultPrice: 10 + i,
}))

/** A 10-line unit-mode PO. */
export const poBody = {
  CompanyID: 1,
  VendorID: 1,
  POType: 'PurchaseOrder',
  CaseQtyMode: false,
  DefaultWarehouseID: 1,
  Description: 'benchmark restock',
  Products: BENCH_SKUS.map((sku, i) => ({
    ProductID: sku,
    QtyUnitsOrdered: 5 + i,
    UnitPrice: 3.25 + i,
  })),
}

/** A 5-line website order. */
export const orderBody = {
  CustomerDetails: { Email: 'bench@example.com', FirstName: 'Ben', LastName: 'Ch' },
  OrderDetails: { CompanyID: 1, Channel: 'Website' },
  Products: BENCH_SKUS.slice(0, 5).map((sku) => ({ ProductID: sku, Qty: 2, SitePrice: 12.5 })),
}

/** A one-line order of 100,000 units, to link one unit at a time. */
export const bigOrderBody = { ...orderBody, Products: [{ ProductID: 'BENCH-1', Qty: 100_000 }] }
