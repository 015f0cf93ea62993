import assert from 'node:assert/strict'
import type { TestApp } from './build-app.ts'
import { countRows, orderBody, orderLine, receiveBody } from './factories.ts'

// Shared by the crossdock test files (not a test file itself). Bodies: ./factories.ts.

export interface OrderLine {
  sku: string
  qty: number
}

/** Creates a sales order through the API and returns its ID. */
export async function createOrder(
  t: TestApp,
  lines: OrderLine[],
  companyId = 1,
  token?: string,
): Promise<number> {
  const res = await t.post(
    '/rest/api/Orders',
    orderBody(
      lines.map((l) => orderLine(l.sku, l.qty)),
      { details: { CompanyID: companyId } },
    ),
    token,
  )
  assert.equal(res.statusCode, 200, res.body)
  return res.json<number>()
}

export interface OrderView {
  dropshipStatus: number
  items: Array<{ id: number; sku: string; qty: number; linkedPoIds: number[] }>
}

export async function getOrder(t: TestApp, orderId: number): Promise<OrderView> {
  const res = await t.get(`/rest/api/Orders/${orderId}`)
  assert.equal(res.statusCode, 200, res.body)
  const body = res.json<{
    Statuses: { DropshipStatus: number }
    OrderItems: Array<{
      ID: number
      ProductID: string
      Qty: number
      LinkedPurchaseOrderIDs: number[]
    }>
  }>()
  return {
    dropshipStatus: body.Statuses.DropshipStatus,
    items: body.OrderItems.map((i) => ({
      id: i.ID,
      sku: i.ProductID,
      qty: i.Qty,
      linkedPoIds: i.LinkedPurchaseOrderIDs,
    })),
  }
}

export interface PoItemView {
  ID: number
  ProductID: string
  QtyOrdered: number
  QtyReceived: number
  UnitPrice: number
  RelatedOrderID: number
}

export async function getPo(t: TestApp, poId: number) {
  const res = await t.get(`/rest/api/PurchaseOrders/${poId}`)
  assert.equal(res.statusCode, 200, res.body)
  return res.json<{
    Purchase: {
      Description: string
      CompanyId: number
      VendorId: number
      OrderType: number
      POType: number
    }
    Statuses: { Status: number; ReceivingStatus: number }
    Items: PoItemView[]
  }>()
}

export async function link(t: TestApp, orderId: number, body: unknown, token?: string) {
  return t.post(`/rest/api/Orders/${orderId}/LinkToPo`, body, token)
}

/** Receives `qty` of each listed PO line (all open quantity when qty is omitted). */
export async function receive(
  t: TestApp,
  poId: number,
  lines?: Array<{ id: number; qty: number }>,
) {
  const po = await getPo(t, poId)
  const items =
    lines ??
    po.Items.map((i) => ({ id: i.ID, qty: i.QtyOrdered - i.QtyReceived })).filter((i) => i.qty > 0)
  return t.post(`/rest/api/PurchaseOrders/${poId}/receive`, receiveBody(items))
}

export async function countLinks(
  t: TestApp,
): Promise<{ links: number; poItems: number; pos: number }> {
  return {
    links: await countRows(t.db, 'dropship_link'),
    poItems: await countRows(t.db, 'purchase_order_item'),
    pos: await countRows(t.db, 'purchase_order'),
  }
}
