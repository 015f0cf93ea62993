import { html, type Html } from './html.ts'
import { money, shortDate } from './orders.list.view.ts'
import {
  channelName,
  dropshipStatusName,
  orderStatusName,
  paymentStatusName,
  shippingStatusName,
} from './orders.names.view.ts'

// One order (GET /Orders/{id}): its summary, items (kits with their components) and linked POs.
// Pure: data in, Html out.

export interface BundleItem {
  ProductID?: string | null
  ProductName?: string | null
  QtyPerKit?: number
  TotalQty?: number
}

export interface OrderItem {
  ID: number
  ProductID?: string | null
  DisplayName?: string | null
  Qty?: number
  SitePrice?: number
  LineTotal?: number
  BundleItems?: readonly BundleItem[]
  LinkedPurchaseOrderIDs?: readonly number[]
}

export interface OrderAddress {
  FirstName?: string | null
  LastName?: string | null
  CompanyName?: string | null
  StreetLine1?: string | null
  StreetLine2?: string | null
  City?: string | null
  StateCode?: string | null
  PostalCode?: string | null
  CountryCode?: string | null
}

export interface OrderDetail {
  OrderID: number
  OrderDetails?: {
    CompanyId?: number
    OrderSource?: number
    OrderSourceOrderId?: string | null
    CustomerEmail?: string | null
    OrderDate?: string | null
  }
  Statuses?: {
    OrderStatus?: number
    ShippingStatus?: number
    PaymentStatus?: number
    DropshipStatus?: number
  }
  OrderItems?: readonly OrderItem[]
  TotalInfo?: { SubTotal?: number; Shipping?: number; Tax?: number; GrandTotal?: number }
  PaymentOptions?: { Received?: number; RemainingDues?: number }
  ShippingDetails?: { Carrier?: string | null; Service?: string | null; ShipDate?: string | null }
  ShippingAddress?: OrderAddress
  LastUpdated?: string | null
}

/** The IDs of the POs any item of the order is linked to, ascending, each once. */
export function linkedPoIds(items: readonly OrderItem[]): number[] {
  const ids = new Set(items.flatMap((i) => i.LinkedPurchaseOrderIDs ?? []))
  return [...ids].sort((a, b) => a - b)
}

function addressLines(a: OrderAddress | undefined): string[] {
  if (a === undefined) {
    return []
  }
  const join = (...parts: (string | null | undefined)[]) =>
    parts.filter((p) => p !== null && p !== undefined && p !== '').join(' ')
  return [
    join(a.FirstName, a.LastName),
    join(a.CompanyName),
    join(a.StreetLine1),
    join(a.StreetLine2),
    join(a.PostalCode, a.City, a.StateCode),
    join(a.CountryCode),
  ].filter((line) => line !== '')
}

export function orderSummary(o: OrderDetail, companyName: string): Html {
  const d = o.OrderDetails ?? {}
  const s = o.Statuses ?? {}
  const prop = (label: string, value: Html | string, id?: string) =>
    html`<dt>${label}</dt>
      <dd ${id === undefined ? '' : html`id="${id}"`}>${value}</dd>`
  const address = addressLines(o.ShippingAddress)
  return html`<div class="grid2">
    <section class="card" aria-labelledby="order-summary">
      <h2 id="order-summary">Summary</h2>
      <dl class="props">
        ${prop('Company', companyName)} ${prop('Channel', channelName(d.OrderSource))}
        ${prop('Channel order ID', d.OrderSourceOrderId ?? '')}
        ${prop('Customer', d.CustomerEmail ?? '')} ${prop('Order date', shortDate(d.OrderDate))}
        ${prop('Status', orderStatusName(s.OrderStatus), 'order-status')}
        ${prop('Shipping', shippingStatusName(s.ShippingStatus), 'order-shipping-status')}
        ${prop('Dropship', dropshipStatusName(s.DropshipStatus), 'order-dropship-status')}
        ${prop('Payment', paymentStatusName(s.PaymentStatus), 'order-payment-status')}
        ${prop('Last updated', shortDate(o.LastUpdated))}
      </dl>
    </section>
    <section class="card" aria-labelledby="order-totals">
      <h2 id="order-totals">Totals and shipping</h2>
      <dl class="props">
        ${prop('Subtotal', money(o.TotalInfo?.SubTotal))}
        ${prop('Shipping', money(o.TotalInfo?.Shipping))} ${prop('Tax', money(o.TotalInfo?.Tax))}
        ${prop('Grand total', money(o.TotalInfo?.GrandTotal))}
        ${prop('Received', money(o.PaymentOptions?.Received))}
        ${prop('Balance due', money(o.PaymentOptions?.RemainingDues))}
        ${prop('Carrier', o.ShippingDetails?.Carrier ?? '')}
        ${prop('Service', o.ShippingDetails?.Service ?? '')}
        ${prop('Ship date', shortDate(o.ShippingDetails?.ShipDate), 'order-ship-date')}
        ${prop('Ship to', html`${address.map((line, i) => html`${i > 0 ? html`<br />` : ''}${line}`)}`)}
      </dl>
    </section>
  </div>`
}

function itemRows(item: OrderItem): Html {
  const parts = item.BundleItems ?? []
  return html`<tr>
      <td>
        ${item.ProductID ?? ''}${parts.length > 0 ? html` <span class="badge">Kit</span>` : ''}
      </td>
      <td>${item.DisplayName ?? ''}</td>
      <td class="num">${item.Qty ?? ''}</td>
      <td class="num">${money(item.SitePrice)}</td>
      <td class="num">${money(item.LineTotal)}</td>
    </tr>
    ${parts.map(
      (p) =>
        html`<tr class="kit-part">
          <td>↳ ${p.ProductID ?? ''}</td>
          <td>${p.ProductName ?? ''}</td>
          <td class="num">${p.TotalQty ?? ''}</td>
          <td class="muted" colspan="2">${p.QtyPerKit ?? ''} per kit</td>
        </tr>`,
    )}`
}

export function itemsTable(items: readonly OrderItem[]): Html {
  return html`<section class="card" aria-labelledby="order-items">
    <h2 id="order-items">Items</h2>
    <div class="table-wrap">
      <table id="order-items-table">
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col">Name</th>
            <th scope="col" class="num">Qty</th>
            <th scope="col" class="num">Price</th>
            <th scope="col" class="num">Line total</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(itemRows)}
        </tbody>
      </table>
    </div>
  </section>`
}

export function linkedPos(orderId: number, items: readonly OrderItem[]): Html {
  const ids = linkedPoIds(items)
  return html`<section class="card" aria-labelledby="order-pos">
    <h2 id="order-pos">Linked purchase orders</h2>
    ${
      ids.length === 0
        ? html`<p class="muted">No purchase order is linked to this order.</p>`
        : html`<ul id="order-po-links">
            ${ids.map((id) => html`<li><a href="/console/purchase-orders/${id}">PO ${id}</a></li>`)}
          </ul>`
    }
    <p><a href="/console/crossdock?order=${orderId}">Crossdock view of this order</a></p>
  </section>`
}
