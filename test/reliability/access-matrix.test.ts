import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { createTokenService } from '../../src/modules/auth/tokens.ts'
import { upsertCompany } from '../../src/modules/catalog/companies/index.ts'
import { changeClientSettings } from '../../src/modules/settings/index.ts'
import { fixedClock, systemClock } from '../../src/shared/clock.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import {
  linkExistingPoBody,
  linkItem,
  orderBody,
  orderLine,
  poLine,
  productBody,
  receiveBody,
  trackingBody,
  unitBody,
} from '../helpers/factories.ts'
import { collectRoutes, snapshotDatabase, type CollectedRoute } from './route-table.ts'

// The access-control matrix, generated from the route table `buildApp` really registers: every
// route must appear below (public, admin, or a company probe), so a new route cannot be forgotten.

const SECRET = 'access-matrix-secret-0123456789'
const COMPANY_B = 1 // the data the limited user must not reach
const COMPANY_B_NAME = 'Crossdock Demo Retail'

/** Public on purpose. Anything else public is a finding. */
const PUBLIC = new Set([
  'GET /',
  'GET /health',
  'GET /ready',
  'GET /rest/openapi.json',
  'POST /token',
])
/** The web console guards itself with its session cookie (checked below without one). */
const CONSOLE_OPEN = new Set([
  'GET /console/login',
  'POST /console/login',
  'GET /console/assets/:name',
])
const isConsoleRoute = (r: CollectedRoute) => r.url === '/console' || r.url.startsWith('/console/')
const isPublicByDesign = (r: CollectedRoute) =>
  isConsoleRoute(r) ||
  PUBLIC.has(`${r.method} ${r.url}`) ||
  PUBLIC.has(`${r.method} ${apiPath(r.url) ?? ''}`) ||
  (r.method === 'GET' && r.url.startsWith('/rest/swagger'))

interface Ids {
  orderId: number
  /** A paid company-1 order the shipping probes ship, update and unship (the admin's control calls). */
  shipOrderId: number
  /** More company-1 orders for DELETE /Orders/{id}: each probe takes one (the admin's control deletes it). */
  spareOrderIds: number[]
  orderItemId: number
  /** Two-line company-1 orders for DELETE /Orders/{id}/items: each probe takes one (its url, then its body). */
  itemDeletes: Array<{ orderId: number; itemId: number }>
  itemDelete?: { orderId: number; itemId: number }
  poId: number
  poItemId: number
  /** More company-1 POs for DELETE /PurchaseOrders/{id}: each probe takes one (the admin's control deletes it). */
  sparePoIds: number[]
  /** A PO of company 3, where EnableMultipleTrackingNumbersOnPO is on (company 1 keeps single tracking). */
  trackingPoId: number
  /** Its tracking entries: each DELETE …/TrackingNumber/Multiple probe takes one. */
  trackingIds: number[]
  customerId: number
  /** A company-1 shipping container (containers are on server-wide in this suite). */
  containerId: number
}

// `hidden`: a company-1 record named in a body is answered as one that does not exist (400), nothing written.
// `absent`: a company-1 record named in the path or query is answered 404, as one that does not exist.
type Expect = 'forbidden' | 'filtered' | 'shared' | 'hidden' | 'absent'
interface Probe {
  expect: Expect
  url: (ids: Ids) => string
  body?: (ids: Ids, n: number) => unknown
}

const matrixTracking = (trackingNumber: string) => ({
  ShippedOn: '2026-01-01T00:00:00Z',
  ShippingCarrier: 'UPS',
  TrackingNumber: trackingNumber,
  ShippingStatus: 1,
})

/**
 * How a user limited to company 2 tries to reach company 1 through each API route. `forbidden`: 403
 * and nothing written; `filtered`: 200 without any company-1 record (while the admin's answer has
 * some); `shared`: reference data that belongs to no company.
 */
const PROBES: Record<string, Probe> = {
  'GET /Companies': { expect: 'filtered', url: () => `/Companies?companyID=${COMPANY_B}` },
  'GET /Companies/:id': { expect: 'forbidden', url: () => `/Companies/${COMPANY_B}` },
  'POST /PurchaseOrders': {
    expect: 'forbidden',
    url: () => '/PurchaseOrders',
    body: () => unitBody({ CompanyID: COMPANY_B, Products: [poLine('WIDGET-RED', 2, 1)] }),
  },
  'GET /PurchaseOrders': {
    expect: 'filtered',
    url: () => `/PurchaseOrders?companyIDList=${COMPANY_B}`,
  },
  'GET /PurchaseOrders/:id': { expect: 'forbidden', url: (i) => `/PurchaseOrders/${i.poId}` },
  'PUT /PurchaseOrders/:id/TrackingNumber': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.poId}/TrackingNumber`,
    body: (_i, n) => trackingBody(`1Z-MATRIX-${n}`),
  },
  'PUT /PurchaseOrders/:id/Invoice': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.poId}/Invoice`,
    body: (_i, n) => ({ InvoiceNumber: `INV-MATRIX-${n}` }),
  },
  'DELETE /PurchaseOrders/:id': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.sparePoIds.pop()!}`,
  },
  'GET /PurchaseOrders/:id/TrackingNumber/Multiple': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.trackingPoId}/TrackingNumber/Multiple`,
  },
  'POST /PurchaseOrders/:id/TrackingNumber/Multiple': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.trackingPoId}/TrackingNumber/Multiple`,
    body: (_i, n) => ({ TrackingNumbers: [matrixTracking(`1Z-MULTI-${n}`)] }),
  },
  'DELETE /PurchaseOrders/:id/TrackingNumber/Multiple': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.trackingPoId}/TrackingNumber/Multiple`,
    body: (i) => ({ TrackingNumbersIDs: [i.trackingIds.pop()!] }),
  },
  'POST /PurchaseOrders/:id/receive': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.poId}/receive`,
    body: (i) => receiveBody([{ id: i.poItemId, qty: 1 }]),
  },
  'PUT /PurchaseOrders/:id': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.poId}`,
    body: (_i, n) => ({ Description: `Matrix ${n}` }),
  },
  'GET /PurchaseOrders/:id/Items': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.poId}/Items`,
  },
  'PUT /PurchaseOrders/:id/Items': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.poId}/Items`,
    body: (i, n) => ({ Items: [{ ID: i.poItemId, QtyUnitsOrdered: 50 + n }] }),
  },
  'POST /PurchaseOrders/:id/items': {
    expect: 'forbidden',
    url: (i) => `/PurchaseOrders/${i.poId}/items`,
    body: () => [poLine('WIDGET-BLUE', 1, 1)],
  },
  'GET /Vendors': { expect: 'shared', url: () => '/Vendors' },
  'GET /Vendors/:id': { expect: 'shared', url: () => '/Vendors/1' },
  // Vendor products carry no CompanyID: the limited user's list leaves company 1's products out
  // (checked in src/modules/catalog/vendors/vendor-products.test.ts).
  'GET /Vendors/:id/products': { expect: 'shared', url: () => '/Vendors/1/products' },
  'POST /Vendors/:vendorId/products': {
    expect: 'hidden',
    url: () => '/Vendors/1/products',
    body: (_i, n) => ({ VendorProducts: [{ ProductSKU: 'WIDGET-RED', Price: n }] }),
  },
  'PUT /Vendors/:vendorId/products': {
    expect: 'absent',
    url: () => '/Vendors/1/products',
    body: (_i, n) => ({ ProductID: 'WIDGET-RED', Qty: n }),
  },
  'PUT /Vendors/:vendorId/products/:productSKU': {
    expect: 'absent',
    url: () => '/Vendors/1/products/WIDGET-RED',
    body: (_i, n) => ({ Qty: n }),
  },
  'GET /Warehouses': { expect: 'shared', url: () => '/Warehouses' },
  'GET /Warehouses/:id': { expect: 'shared', url: () => '/Warehouses/1' },
  'GET /Settings/PaymentTerms': { expect: 'shared', url: () => '/Settings/PaymentTerms' },
  'GET /Catalog/ProductTypes': { expect: 'shared', url: () => '/Catalog/ProductTypes' },
  'GET /Catalog/VariationDimensions': {
    expect: 'shared',
    url: () => '/Catalog/VariationDimensions',
  },
  'GET /Catalog/Variation': {
    expect: 'absent',
    url: () => '/Catalog/Variation?productID=TEE-CLASSIC',
  },
  'GET /Settings/Manufacturers': {
    expect: 'forbidden',
    url: () => `/Settings/Manufacturers?companyId=${COMPANY_B}`,
  },
  'GET /Settings/Brands': { expect: 'shared', url: () => '/Settings/Brands' },
  'GET /ProductConditions': { expect: 'shared', url: () => '/ProductConditions' },
  'GET /ProductConditions/:id': { expect: 'shared', url: () => '/ProductConditions/1' },
  'POST /Products': {
    expect: 'forbidden',
    url: () => '/Products',
    body: (_i, n) =>
      productBody(`MATRIX-${n}`, {
        CompanyId: COMPANY_B,
        ProductName: 'Matrix',
        ProductTypeName: 'Test',
      }),
  },
  'GET /Catalog': { expect: 'filtered', url: () => `/Catalog?companyID=${COMPANY_B}` },
  // The product is the thing read or changed (also when named in the body): 404 as unknown.
  'GET /Catalog/Prices': { expect: 'absent', url: () => '/Catalog/Prices?productID=WIDGET-RED' },
  'PUT /Catalog/Prices': {
    expect: 'absent',
    url: () => '/Catalog/Prices',
    body: () => ({ ProductID: 'WIDGET-RED', SitePrice: 9.99 }),
  },
  'GET /Catalog/:id/Prices': { expect: 'absent', url: () => '/Catalog/WIDGET-RED/Prices' },
  'PUT /Catalog/:id/Prices': {
    expect: 'absent',
    url: () => '/Catalog/WIDGET-RED/Prices',
    body: () => ({ SitePrice: 9.99 }),
  },
  'PUT /Catalog/BasicInfo': {
    expect: 'absent',
    url: () => '/Catalog/BasicInfo',
    body: () => ({ ProductID: 'WIDGET-RED', SiteCost: 4.25 }),
  },
  'GET /Catalog/Views': { expect: 'shared', url: () => '/Catalog/Views' },
  // Demo view 1 (Active products) holds company-1 products: a limited user gets only theirs.
  'GET /Catalog/GetAllByView': {
    expect: 'filtered',
    url: () => '/Catalog/GetAllByView?viewID=1&pageNumber=1&pageSize=50',
  },
  'GET /Catalog/GetProductsInView': {
    expect: 'filtered',
    url: () => '/Catalog/GetProductsInView?viewID=1',
  },
  'GET /Products/CustomColumns': {
    expect: 'absent',
    url: () => '/Products/CustomColumns?productID=WIDGET-RED',
  },
  'PUT /Products/CustomColumns': {
    expect: 'hidden',
    url: () => '/Products/CustomColumns',
    body: (_i, n) => ({
      ProductID: 'WIDGET-RED',
      CustomColumns: [{ ColumnName: 'Season', Value: `matrix ${n}` }],
    }),
  },
  'GET /Products/:id/CustomColumns': {
    expect: 'absent',
    url: () => '/Products/WIDGET-RED/CustomColumns',
  },
  'PUT /Products/:id/CustomColumns': {
    expect: 'absent',
    url: () => '/Products/WIDGET-RED/CustomColumns',
    body: (_i, n) => ({ ColumnName: 'Season', Value: `matrix ${n}` }),
  },
  'PUT /Products/:id/CustomColumnsMultiple': {
    expect: 'absent',
    url: () => '/Products/WIDGET-RED/CustomColumnsMultiple',
    body: (_i, n) => [{ ColumnName: 'Season', Value: `matrix ${n}` }],
  },
  'POST /Customers': {
    expect: 'forbidden',
    url: () => '/Customers',
    body: (_i, n) => ({ CompanyID: COMPANY_B, FirstName: 'Matrix', Email: `m${n}@example.com` }),
  },
  'GET /Customers/:id': { expect: 'forbidden', url: (i) => `/Customers/${i.customerId}` },
  'GET /Customers': { expect: 'filtered', url: () => `/Customers?companyIds=${COMPANY_B}` },
  'POST /Orders': {
    expect: 'forbidden',
    url: () => '/Orders',
    body: () =>
      orderBody([orderLine('WIDGET-RED', 1)], {
        customer: { Email: 'matrix@example.com', FirstName: 'M', LastName: 'X' },
        details: { CompanyID: COMPANY_B },
      }),
  },
  'GET /Orders/Notes': { expect: 'forbidden', url: (i) => `/Orders/Notes?id=${i.orderId}` },
  'PUT /Orders/:orderID/ReceiveManualPayment': {
    expect: 'forbidden',
    url: (i) => `/Orders/${i.orderId}/ReceiveManualPayment`,
    body: () => ({ PaymentMethod: 'Cash', Amount: 0.01 }),
  },
  'PUT /Orders/:orderID/ReceiveCheck': {
    expect: 'forbidden',
    url: (i) => `/Orders/${i.orderId}/ReceiveCheck`,
    body: (_i, n) => ({ CheckNumber: `M-${n}`, Amount: 0.01 }),
  },
  'POST /Orders/:orderID/Notes': {
    expect: 'forbidden',
    url: (i) => `/Orders/${i.orderId}/Notes`,
    body: (_i, n) => ({ Message: `matrix ${n}` }),
  },
  'GET /Orders/:id': { expect: 'forbidden', url: (i) => `/Orders/${i.orderId}` },
  'GET /Orders': { expect: 'filtered', url: () => `/Orders?companyID=${COMPANY_B}` },
  'GET /Inventory': { expect: 'filtered', url: () => `/Inventory?companyID=${COMPANY_B}` },
  'GET /Inventory/Details': {
    expect: 'absent',
    url: () => '/Inventory/Details?productID=WIDGET-RED',
  },
  'GET /Inventory/Warehouses': {
    expect: 'absent',
    url: () => '/Inventory/Warehouses?productID=WIDGET-RED&warehouseID=1',
  },
  'GET /Inventory/:productID/Warehouses': {
    expect: 'absent',
    url: () => '/Inventory/WIDGET-RED/Warehouses',
  },
  'GET /Inventory/:productID/Warehouses/:warehouseID': {
    expect: 'absent',
    url: () => '/Inventory/WIDGET-RED/Warehouses/1',
  },
  'PUT /Inventory/AdjustPhysicalInventory': {
    expect: 'hidden',
    url: () => '/Inventory/AdjustPhysicalInventory',
    body: () => ({ ProductID: 'WIDGET-RED', Qty: 1, AdjustmentType: 1, Reason: 'matrix' }),
  },
  'PUT /Inventory/SetPhysicalInventory': {
    expect: 'hidden',
    url: () => '/Inventory/SetPhysicalInventory',
    body: () => ({ ProductID: 'WIDGET-RED', PhysicalQty: 3 }),
  },
  'PUT /Orders/StatusCode': {
    expect: 'hidden',
    url: () => '/Orders/StatusCode',
    body: (i) => ({ Orders: [i.orderId], Status: 'OnHold' }),
  },
  'PUT /Orders/DropshipStatus': {
    expect: 'hidden',
    url: () => '/Orders/DropshipStatus',
    body: (i) => ({ Orders: [i.orderId], DropshipStatus: 'Requested' }),
  },
  'DELETE /Orders/:id': { expect: 'forbidden', url: (i) => `/Orders/${i.spareOrderIds.pop()!}` },
  'PUT /Orders/ShippingStatus': {
    expect: 'hidden',
    url: () => '/Orders/ShippingStatus',
    body: (i) => ({ OrderID: i.shipOrderId, ShippingCarrier: 'UPS', ShippingService: 'Ground' }),
  },
  'PUT /Orders/ShippingStatus/SinglePackage': {
    expect: 'hidden',
    url: () => '/Orders/ShippingStatus/SinglePackage',
    body: (i) => ({ OrderID: i.shipOrderId, CarrierName: 'UPS', ShippingMethod: 'Air' }),
  },
  'PUT /Orders/SetUnshipped': {
    expect: 'hidden',
    url: () => '/Orders/SetUnshipped',
    body: (i) => ({ Orders: [i.shipOrderId] }),
  },
  'GET /Orders/Packages': {
    expect: 'forbidden',
    url: (i) => `/Orders/Packages?id=${i.shipOrderId}`,
  },
  'PUT /Orders/:id': {
    expect: 'forbidden',
    url: (i) => `/Orders/${i.orderId}`,
    body: () => ({ OrderSubType: 0 }),
  },
  'POST /Orders/:orderID/items': {
    expect: 'forbidden',
    url: (i) => `/Orders/${i.orderId}/items`,
    body: () => [{ ProductID: 'WIDGET-RED', Qty: 1 }],
  },
  'PUT /Orders/:orderID/items': {
    expect: 'forbidden',
    url: (i) => `/Orders/${i.orderId}/items`,
    body: (i) => [{ OrderItemID: i.orderItemId, Qty: 5 }],
  },
  'DELETE /Orders/:orderID/items': {
    expect: 'forbidden',
    url: (i) => {
      i.itemDelete = i.itemDeletes.pop()!
      return `/Orders/${i.itemDelete.orderId}/items`
    },
    body: (i) => [i.itemDelete!.itemId],
  },
  'POST /ShippingContainers': {
    expect: 'hidden',
    url: () => '/ShippingContainers',
    body: (_i, n) => ({ ContainerName: `MATRIX-${n}`, CompanyID: COMPANY_B }),
  },
  'GET /ShippingContainers': { expect: 'filtered', url: () => '/ShippingContainers' },
  'GET /ShippingContainers/:id': {
    expect: 'forbidden',
    url: (i) => `/ShippingContainers/${i.containerId}`,
  },
  'PUT /ShippingContainers/:id': {
    expect: 'forbidden',
    url: (i) => `/ShippingContainers/${i.containerId}`,
    body: (_i, n) => ({ GeneralDetails: { Notes: `matrix ${n}` } }),
  },
  'POST /ShippingContainers/:id/Items': {
    expect: 'forbidden',
    url: (i) => `/ShippingContainers/${i.containerId}/Items`,
    body: (i) => ({ Items: [{ POID: i.poId, POItemID: i.poItemId, QtyShipped: 1 }] }),
  },
  'POST /Orders/:orderID/LinkToPo': {
    expect: 'forbidden',
    url: (i) => `/Orders/${i.orderId}/LinkToPo`,
    body: (i) => linkExistingPoBody(i.poId, [linkItem(i.orderItemId, 1)]),
  },
}

/** Turns shipping containers on server-wide and creates one of company 1. */
async function matrixContainer(t: TestApp): Promise<number> {
  await changeClientSettings(t.db, 0, { EnableShippingContainers: true })
  const res = await t.post('/rest/api/ShippingContainers', {
    ContainerName: 'MATRIX-B',
    CompanyID: COMPANY_B,
  })
  assert.equal(res.statusCode, 200, res.body)
  return res.json<{ Id: number }>().Id
}

function apiPath(url: string): string | null {
  const match = /^\/(?:rest\/)?api(\/.*)$/.exec(url)
  return match?.[1] ?? null
}

/** True when the JSON names company 1 or one of its records. */
function mentionsCompanyB(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some(mentionsCompanyB)
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(
      ([k, v]) =>
        (/^companyid$/i.test(k) && v === COMPANY_B) ||
        (k === 'CompanyName' && v === COMPANY_B_NAME) ||
        mentionsCompanyB(v),
    )
  }
  return false
}

function fillParams(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '1').replace(/\*$/, 'x')
}

for (const dialect of testDialects()) {
  describe(`access-control matrix [${dialect}]`, () => {
    let t: TestApp
    let routes: CollectedRoute[]
    let ids: Ids
    let limited: string
    let nonAdmin: string
    let counter = 0

    const call = (r: { method: string; url: string }, token: string | null, body?: unknown) =>
      t.request(
        r.method,
        r.url,
        r.method === 'GET' || r.method === 'HEAD' ? undefined : (body ?? {}),
        token,
      )

    before(async () => {
      const collected = await collectRoutes(() =>
        createTestApp(dialect, { config: { jwtSecret: SECRET } }),
      )
      t = collected.result
      routes = collected.routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
      const order = await t.post(
        '/rest/api/Orders',
        orderBody([orderLine('WIDGET-RED', 5)], {
          customer: { Email: 'b@example.com', FirstName: 'B', LastName: 'B' },
          details: { CompanyID: COMPANY_B },
        }),
      )
      assert.equal(order.statusCode, 200, order.body)
      const orderId = order.json<number>()
      const po = await t.post(
        '/rest/api/PurchaseOrders',
        unitBody({ CompanyID: COMPANY_B, Products: [poLine('WIDGET-BLUE', 10, 2)] }),
      )
      assert.equal(po.statusCode, 200, po.body)
      const poId = po.json<{ Id: number }>().Id
      const orderJson = (await t.get(`/rest/api/Orders/${orderId}`)).json()
      const poJson = (await t.get(`/rest/api/PurchaseOrders/${poId}`)).json()
      const spareOrderIds: number[] = []
      for (let i = 0; i < 6; i += 1) {
        const spare = await t.post(
          '/rest/api/Orders',
          orderBody([orderLine('WIDGET-RED', 1)], {
            customer: { Email: 'b@example.com', FirstName: 'B', LastName: 'B' },
            details: { CompanyID: COMPANY_B },
          }),
        )
        assert.equal(spare.statusCode, 200, spare.body)
        spareOrderIds.push(spare.json<number>())
      }
      const sparePoIds: number[] = []
      for (let i = 0; i < 6; i += 1) {
        const spare = await t.post('/rest/api/PurchaseOrders', unitBody({ CompanyID: COMPANY_B }))
        assert.equal(spare.statusCode, 200, spare.body)
        sparePoIds.push(spare.json<{ Id: number }>().Id)
      }
      await upsertCompany(t.db, 3, { name: 'Crossdock Matrix Tracking' })
      await changeClientSettings(t.db, 3, { EnableMultipleTrackingNumbersOnPO: true })
      const product = await t.post(
        '/rest/api/Products',
        productBody('MATRIX-TRACKING', {
          CompanyId: 3,
          ProductName: 'Matrix',
          ProductTypeName: 'Test',
        }),
      )
      assert.equal(product.statusCode, 200, product.body)
      const trackingPo = await t.post(
        '/rest/api/PurchaseOrders',
        unitBody({ CompanyID: 3, Products: [poLine('MATRIX-TRACKING', 1, 1)] }),
      )
      assert.equal(trackingPo.statusCode, 200, trackingPo.body)
      const trackingPoId = trackingPo.json<{ Id: number }>().Id
      const multiple = `/rest/api/PurchaseOrders/${trackingPoId}/TrackingNumber/Multiple`
      const seeded = await t.post(multiple, {
        TrackingNumbers: ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => matrixTracking(`1Z-SEED-${n}`)),
      })
      assert.equal(seeded.statusCode, 200, seeded.body)
      const trackingIds = (await t.get(multiple))
        .json<{ TrackingNumbers: Array<{ ID: number }> }>()
        .TrackingNumbers.map((e) => e.ID)
      const itemDeletes: Ids['itemDeletes'] = []
      for (let i = 0; i < 4; i += 1) {
        const twoLines = await t.post(
          '/rest/api/Orders',
          orderBody([orderLine('WIDGET-RED', 1), orderLine('WIDGET-BLUE', 1)], {
            customer: { Email: 'b@example.com', FirstName: 'B', LastName: 'B' },
            details: { CompanyID: COMPANY_B },
          }),
        )
        assert.equal(twoLines.statusCode, 200, twoLines.body)
        const id = twoLines.json<number>()
        const items = (await t.get(`/rest/api/Orders/${id}`)).json().OrderItems
        itemDeletes.push({ orderId: id, itemId: items[1].ID })
      }
      const shipOrder = await t.post(
        '/rest/api/Orders',
        orderBody([orderLine('CABLE-USB-C', 1)], { details: { CompanyID: COMPANY_B } }),
      )
      assert.equal(shipOrder.statusCode, 200, shipOrder.body)
      const shipOrderId = shipOrder.json<number>()
      await t.db
        .updateTable('sales_order')
        .set({ payment_status: 30 })
        .where('id', '=', shipOrderId)
        .execute()
      ids = {
        orderId,
        shipOrderId,
        spareOrderIds,
        orderItemId: orderJson.OrderItems[0].ID,
        itemDeletes,
        poId,
        poItemId: poJson.Items[0].ID,
        sparePoIds,
        trackingPoId,
        trackingIds,
        customerId: orderJson.OrderDetails.CustomerID,
        containerId: await matrixContainer(t),
      }
      limited = await t.userToken([2])
      nonAdmin = await t.userToken(null)
    })
    after(() => t.close())

    it('should classify every registered route (a new route must be added to this matrix)', () => {
      const unclassified = routes.filter((r) => {
        if (r.access === 'public') {
          return !isPublicByDesign(r)
        }
        if (r.access === 'admin') {
          return false
        }
        const path = apiPath(r.url)
        return path === null || PROBES[`${r.method} ${path}`] === undefined
      })
      assert.deepEqual(
        unclassified.map((r) => `${r.method} ${r.url} (${r.access})`),
        [],
        'add each to PROBES (user routes) or PUBLIC in test/reliability/access-matrix.test.ts',
      )
      const apiRoutes = new Set(
        routes.filter((r) => apiPath(r.url) !== null).map((r) => `${r.method} ${apiPath(r.url)}`),
      )
      for (const key of Object.keys(PROBES)) {
        assert.ok(apiRoutes.has(key), `PROBES lists ${key}, which no longer exists`)
      }
      assert.ok(routes.filter((r) => r.access === 'admin').length >= 10, 'admin routes found')
    })

    it('should answer every protected route with 401 for missing, expired, foreign, tampered and unsigned tokens, writing nothing', async () => {
      const admin = { id: 1, username: 'admin', isAdmin: true, companyIds: null }
      const expired = createTokenService(SECRET, 60, fixedClock('2020-01-01T00:00:00Z')).issue(
        admin,
        1,
      ).token
      const foreign = createTokenService('another-secret-0123456789', 3600, systemClock).issue(
        admin,
        1,
      ).token
      const [header, , signature] = limited.split('.')
      const widened = Buffer.from(
        JSON.stringify({ sub: '1', name: 'admin', adm: true, cmp: null, iat: 1, exp: 4e9 }),
      ).toString('base64url')
      const tampered = `${header}.${widened}.${signature}`
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${widened}.`
      const hs512 = `${Buffer.from('{"alg":"HS512","typ":"JWT"}').toString('base64url')}.${widened}.${signature}`
      const bad: Array<[string, string | null]> = [
        ['none', null],
        ['expired', expired],
        ['foreign', foreign],
        ['tampered', tampered],
        ['alg none', none],
        ['alg HS512', hs512],
        ['garbage', 'not-a-jwt'],
      ]
      const before = await snapshotDatabase(t.db)
      let checked = 0
      for (const route of routes.filter((r) => r.access !== 'public')) {
        const path = apiPath(route.url)
        const probe = path === null ? undefined : PROBES[`${route.method} ${path}`]
        const url =
          probe === undefined ? fillParams(route.url) : route.url.replace(path!, probe.url(ids))
        const body = probe?.body?.(ids, (counter += 1))
        for (const [kind, token] of bad) {
          const res = await call({ method: route.method, url }, token, body)
          assert.equal(res.statusCode, 401, `${kind} token on ${route.method} ${url}: ${res.body}`)
          assert.equal(res.json().Code, 'UNAUTHORIZED')
          checked += 1
        }
      }
      assert.ok(checked > 100, String(checked))
      assert.deepEqual(await snapshotDatabase(t.db), before, 'a refused request writes nothing')
    })

    it('should send every console page to sign-in and refuse every console action without a session', async () => {
      const before = await snapshotDatabase(t.db)
      const guarded = routes.filter(
        (r) =>
          isConsoleRoute(r) && !CONSOLE_OPEN.has(`${r.method} ${r.url}`) && r.method !== 'HEAD',
      )
      assert.ok(guarded.length > 10, String(guarded.length))
      for (const route of guarded) {
        const url = fillParams(route.url)
        const res = await call({ method: route.method, url }, t.adminToken, { _csrf: 'x' })
        if (route.method === 'GET') {
          assert.equal(res.statusCode, 303, `${route.method} ${url}: a bearer token is no session`)
          assert.match(String(res.headers.location), /^\/console\/login/)
        } else {
          assert.equal(res.statusCode, 401, `${route.method} ${url}: ${res.body}`)
        }
      }
      assert.deepEqual(await snapshotDatabase(t.db), before, 'a refused request writes nothing')
    })

    it('should answer every admin route with 403 for a non-admin user, writing nothing', async () => {
      const before = await snapshotDatabase(t.db)
      for (const route of routes.filter((r) => r.access === 'admin')) {
        for (const token of [nonAdmin, limited]) {
          const res = await call({ method: route.method, url: fillParams(route.url) }, token, {
            Name: 'x',
          })
          assert.equal(res.statusCode, 403, `${route.method} ${route.url}: ${res.body}`)
          assert.equal(res.json().Code, 'FORBIDDEN')
        }
      }
      assert.deepEqual(await snapshotDatabase(t.db), before)
    })

    it('should keep a user limited to company 2 out of everything of company 1, on /rest/api and /api', async () => {
      for (const route of routes.filter((r) => r.access === 'user')) {
        const path = apiPath(route.url)!
        const probe = PROBES[`${route.method} ${path}`]!
        const url = route.url.replace(path, probe.url(ids))
        const body = probe.body?.(ids, (counter += 1))
        const label = `${route.method} ${url}`
        const before = await snapshotDatabase(t.db)
        const res: LightMyRequestResponse = await call({ method: route.method, url }, limited, body)
        if (probe.expect === 'forbidden') {
          assert.equal(res.statusCode, 403, `${label}: ${res.body}`)
          assert.equal(res.json().Code, 'FORBIDDEN')
          assert.deepEqual(await snapshotDatabase(t.db), before, `${label} wrote nothing`)
        } else if (probe.expect === 'absent') {
          assert.equal(res.statusCode, 404, `${label}: ${res.body}`)
          assert.equal(res.json().Code, 'PRODUCT_NOT_FOUND')
        } else if (probe.expect === 'hidden') {
          assert.equal(res.statusCode, 400, `${label}: ${res.body}`)
          assert.match(res.body, /was not found/)
          assert.deepEqual(await snapshotDatabase(t.db), before, `${label} wrote nothing`)
        } else {
          assert.equal(res.statusCode, 200, `${label}: ${res.body}`)
          if (probe.expect === 'filtered') {
            assert.ok(!mentionsCompanyB(res.json()), `${label} leaked company 1: ${res.body}`)
          }
        }
        // The same request by the admin succeeds: the probe really aims at company 1's data.
        const control = await call({ method: route.method, url }, t.adminToken, body)
        assert.equal(control.statusCode, 200, `admin ${label}: ${control.body}`)
        if (probe.expect === 'filtered') {
          assert.ok(mentionsCompanyB(control.json()), `admin ${label} sees company 1`)
        }
      }
    })
  })
}
