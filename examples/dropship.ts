// A complete dropship (crossdock) run with the SDK, against Crossdock or a real Sellercloud server:
// an order comes in, it is linked to a purchase order at the vendor, the vendor ships, the PO is
// received and the order is released to ship.
//
//   CROSSDOCK_URL=http://127.0.0.1:8080 CROSSDOCK_USERNAME=admin CROSSDOCK_PASSWORD=secret123 \
//     node examples/dropship.ts
//
// Only `CROSSDOCK_URL` changes to run it against Sellercloud (e.g. https://xx.api.sellercloud.us).

import {
  ApiError,
  ValidationApiError,
  createClient,
  type CreateOrderRequest,
  type CrossdockClient,
} from 'crossdock/client'

export interface DropshipOptions {
  companyId: number
  vendorId: number
  /** Your shop's order number: sending it again is refused, so a re-run cannot double-order. */
  orderSourceOrderId: string
  lines: Array<{ sku: string; qty: number }>
  log?: (line: string) => void
}

export interface DropshipResult {
  orderId: number
  poId: number
  poLines: Array<{ sku: string; qty: number }>
  dropshipStatusAfterLink: number
  dropshipStatusAfterReceipt: number
}

/**
 * Runs the flow and returns what happened.
 * @example await runDropship(client, { companyId: 1, vendorId: 2, orderSourceOrderId: 'WEB-1001', lines: [{ sku: 'WIDGET-RED', qty: 2 }] })
 */
export async function runDropship(
  client: CrossdockClient,
  options: DropshipOptions,
): Promise<DropshipResult> {
  const log = options.log ?? ((line: string) => console.log(line))

  // 1. Check the SKUs exist in this company's catalog before taking the order.
  for (const { sku } of options.lines) {
    const { Items } = await client.products.catalog({ sKU: [sku], companyID: [options.companyId] })
    if (Items.length === 0) {
      throw new Error(`SKU ${sku} is not in company ${options.companyId}'s catalog`)
    }
  }

  // 2. The sales order (Channel 6 = Website).
  const order: CreateOrderRequest = {
    CustomerDetails: { Email: 'jane@example.com', FirstName: 'Jane', LastName: 'Doe' },
    OrderDetails: {
      CompanyID: options.companyId,
      Channel: 6,
      OrderSourceOrderID: options.orderSourceOrderId,
    },
    Products: options.lines.map((l) => ({ ProductID: l.sku, Qty: l.qty })),
    ShippingAddress: {
      FirstName: 'Jane',
      LastName: 'Doe',
      Address: '1 Main St',
      City: 'Springfield',
      Country: 'US',
    },
  }
  const orderId = await client.orders.create(order)
  log(`order ${orderId} created`)

  // 3. Out of stock: link the whole order to a new PO at the vendor. `retry: true` sends an
  //    Idempotency-Key, so a network failure is retried without creating a second PO.
  const poId = await client.orders.linkToPo(
    orderId,
    { NewPo: { CompanyID: options.companyId, VendorID: options.vendorId } },
    { retry: true },
  )
  const linked = await client.orders.get(orderId)
  log(`order ${orderId} linked to PO ${poId}; DropshipStatus ${linked.Statuses.DropshipStatus}`)

  // 4. The vendor ships to us.
  await client.purchaseOrders.updateTracking(poId, {
    TrackingNumber: `1Z${String(poId).padStart(8, '0')}`,
    ShippedViaCarrier: 'UPS',
  })
  log(`PO ${poId} shipped`)

  // 5. It arrives: receive every line in full.
  const po = await client.purchaseOrders.get(poId)
  await client.purchaseOrders.receive(poId, {
    ReceiveInvoiceNumber: `INV-${poId}`,
    Items: po.Items.map((item) => ({
      ID: item.ID,
      QtyToReceive: item.QtyOrdered - item.QtyReceived,
    })),
  })
  log(`PO ${poId} received (${po.Items.length} lines)`)

  // 6. Released: the order can ship to the customer.
  const released = await client.orders.get(orderId)
  log(
    `order ${orderId}: DropshipStatus ${released.Statuses.DropshipStatus} (0 = None, ready to ship)`,
  )

  // Orders still waiting on a vendor, across every page.
  let waiting = 0
  for await (const pending of client.orders.iterate({
    dropShipStatus: 1,
    companyID: [options.companyId],
  })) {
    waiting += pending.ID > 0 ? 1 : 0
  }
  log(`${waiting} order(s) of company ${options.companyId} still wait for a vendor`)

  return {
    orderId,
    poId,
    poLines: po.Items.map((i) => ({ sku: i.ProductID, qty: i.QtyOrdered })),
    dropshipStatusAfterLink: linked.Statuses.DropshipStatus,
    dropshipStatusAfterReceipt: released.Statuses.DropshipStatus,
  }
}

if (import.meta.main) {
  const client = createClient({
    baseUrl: process.env.CROSSDOCK_URL ?? 'http://127.0.0.1:8080',
    username: process.env.CROSSDOCK_USERNAME ?? 'admin',
    password: process.env.CROSSDOCK_PASSWORD ?? '',
  })
  try {
    await runDropship(client, {
      companyId: 1,
      vendorId: 2,
      orderSourceOrderId: `EXAMPLE-${Date.now()}`,
      lines: [
        { sku: 'WIDGET-RED', qty: 2 },
        { sku: 'KIT-STARTER', qty: 1 },
      ],
    })
  } catch (error) {
    if (error instanceof ValidationApiError) {
      console.error(`rejected: ${error.message}`, error.modelState)
    } else if (error instanceof ApiError) {
      console.error(`${error.status} ${error.code}: ${error.message} (request ${error.requestId})`)
    } else {
      console.error(error)
    }
    process.exitCode = 1
  }
}
