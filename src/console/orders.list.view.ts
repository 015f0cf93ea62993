import type { ApiError } from './console-api.ts'
import { errorSummary, field } from './forms.ts'
import { html, type Html } from './html.ts'
import {
  DROPSHIP_STATUS,
  ORDER_STATUS,
  SHIPPING_STATUS,
  dropshipStatusName,
  enumChoices,
  orderStatusName,
  paymentStatusName,
  shippingStatusName,
} from './orders.names.view.ts'
import {
  FILTER_ERROR_KEYS,
  ORDERS_PAGE_SIZE,
  ordersPageUrl,
  type OrderFilters,
} from './orders.query.view.ts'

// The orders list: its filter form (a GET form, so a filtered list is a bookmarkable URL), the
// table of one page of GET /Orders rows and the pager. Pure: data in, Html out.

/** The keys of a GET /Orders row the list shows. */
export interface OrderRow {
  ID: number
  TimeOfOrder?: string | null
  CompanyName?: string | null
  FirstName?: string | null
  LastName?: string | null
  CustomerEmail?: string | null
  OrderSourceOrderID?: string | null
  StatusCode?: number
  ShippingStatus?: number
  Dropship?: number
  PaymentStatus?: number
  GrandTotal?: number
  TrackingNumber?: string | null
}

export interface CompanyChoice {
  ID: number
  CompanyName?: string | null
}

/** Money as the API answers it (a decimal number), two decimals. */
export function money(value: number | null | undefined): string {
  return typeof value === 'number' ? value.toFixed(2) : ''
}

/** A date-time of the API as `YYYY-MM-DD HH:mm` UTC ('' when none). */
export function shortDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return ''
  }
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value)
  return match === null ? value : `${match[1]} ${match[2]}`
}

const claimed = Object.values(FILTER_ERROR_KEYS).flat()

export function filterForm(
  f: OrderFilters,
  companies: readonly CompanyChoice[],
  error: ApiError | null,
): Html {
  const keys = (name: string) => FILTER_ERROR_KEYS[name] ?? []
  const companyOptions: (readonly [string, string])[] = [
    ['', 'Any'],
    ...companies.map((c) => [String(c.ID), c.CompanyName ?? `Company ${c.ID}`] as const),
  ]
  return html`<form class="filters" method="get" action="/console/orders" role="search">
      ${field({ label: 'Company', name: 'company', value: f.company, options: companyOptions, error, errorKeys: keys('company') })}
      ${field({ label: 'Order status', name: 'status', value: f.status, options: enumChoices(ORDER_STATUS), error, errorKeys: keys('status') })}
      ${field({ label: 'Dropship status', name: 'dropship', value: f.dropship, options: enumChoices(DROPSHIP_STATUS), error, errorKeys: keys('dropship') })}
      ${field({ label: 'Shipping status', name: 'shipping', value: f.shipping, options: enumChoices(SHIPPING_STATUS), error, errorKeys: keys('shipping') })}
      ${field({ label: 'Order date from', name: 'from', value: f.from, type: 'date', error, errorKeys: keys('from') })}
      ${field({ label: 'Order date to', name: 'to', value: f.to, type: 'date', error, errorKeys: keys('to') })}
      ${field({ label: 'Keyword', name: 'keyword', value: f.keyword, type: 'search', placeholder: 'Order ID, channel order ID or e-mail', error, errorKeys: keys('keyword') })}
      <div class="actions">
        <button type="submit" class="primary">Filter</button>
        <a class="button" href="/console/orders">Clear</a>
      </div>
    </form>
    ${errorSummary(error, claimed)}`
}

function customerOf(row: OrderRow): string {
  const name = [row.FirstName, row.LastName].filter(
    (p) => p !== null && p !== undefined && p !== '',
  )
  return name.length > 0 ? name.join(' ') : (row.CustomerEmail ?? '')
}

function rowOf(row: OrderRow): Html {
  return html`<tr>
    <td><a href="/console/orders/${row.ID}">${row.ID}</a></td>
    <td>${shortDate(row.TimeOfOrder)}</td>
    <td>${row.CompanyName ?? ''}</td>
    <td>${customerOf(row)}</td>
    <td>${row.OrderSourceOrderID ?? ''}</td>
    <td>${orderStatusName(row.StatusCode)}</td>
    <td>${shippingStatusName(row.ShippingStatus)}</td>
    <td>${dropshipStatusName(row.Dropship)}</td>
    <td>${paymentStatusName(row.PaymentStatus)}</td>
    <td class="num">${money(row.GrandTotal)}</td>
    <td>${row.TrackingNumber ?? ''}</td>
  </tr>`
}

export function ordersTable(rows: readonly OrderRow[]): Html {
  if (rows.length === 0) {
    return html`<p class="muted" id="orders-empty">No orders match these filters.</p>`
  }
  return html`<div class="table-wrap">
    <table id="orders-table">
      <caption class="muted">
        Orders, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Order date (UTC)</th>
          <th scope="col">Company</th>
          <th scope="col">Customer</th>
          <th scope="col">Channel order ID</th>
          <th scope="col">Status</th>
          <th scope="col">Shipping</th>
          <th scope="col">Dropship</th>
          <th scope="col">Payment</th>
          <th scope="col" class="num">Total</th>
          <th scope="col">Tracking</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(rowOf)}
      </tbody>
    </table>
  </div>`
}

/** The number of pages of `total` rows (at least 1). */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / ORDERS_PAGE_SIZE))
}

export function pager(f: OrderFilters, total: number): Html {
  const pages = pageCount(total)
  return html`<nav class="pager" aria-label="Pages">
    ${f.page > 1 ? html`<a href="${ordersPageUrl(f, f.page - 1)}" rel="prev">Previous</a>` : ''}
    <span>Page ${f.page} of ${pages} · ${total} ${total === 1 ? 'order' : 'orders'}</span>
    ${f.page < pages ? html`<a href="${ordersPageUrl(f, f.page + 1)}" rel="next">Next</a>` : ''}
  </nav>`
}
