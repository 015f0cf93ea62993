import type { ApiError } from './console-api.ts'
import { errorSummary, field } from './forms.ts'
import { html, type Html } from './html.ts'
import {
  PO_PAYMENT_STATUS,
  PO_RECEIVING_STATUS,
  PO_SHIPPING_STATUS,
  PO_STATUS,
  enumChoices,
  paymentStatusName,
  poStatusName,
  receivingStatusName,
  shippingStatusName,
} from './purchase-orders.names.view.ts'
import {
  PO_FILTER_ERROR_KEYS,
  PO_FILTER_NAMES,
  PO_PAGE_SIZE,
  poListUrl,
  type PoFilters,
} from './purchase-orders.query.view.ts'

// The purchase-order list: its filter form (GET), one page of GET /PurchaseOrders rows, the pager.

/** The keys of a GET /PurchaseOrders row the list shows. */
export interface PoRow {
  ID: number
  CompanyID?: number
  VendorID?: number
  CreatedOn?: string | null
  PurchaseTitle?: string | null
  PurchaseOrderStatus?: number
  ReceivingStatus?: number
  PurchaseOrdersShippingStatus?: number
  PaymentStatus?: number
  GrandTotal?: number
  UnitCounts?: number
  VendorInvoiceNumber?: string | null
}

export interface NamedChoice {
  ID: number
  Name: string
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

/** The name of `id` among `choices`, else a neutral label. */
export function nameOf(choices: ReadonlyMap<number, string>, id: number | undefined, kind: string) {
  return id === undefined ? '' : (choices.get(id) ?? `${kind} ${id}`)
}

const claimed = Object.values(PO_FILTER_ERROR_KEYS).flat()

export function poFilterForm(
  f: PoFilters,
  companies: readonly NamedChoice[],
  error: ApiError | null,
): Html {
  const common = (name: (typeof PO_FILTER_NAMES)[number]) => ({
    name,
    value: f[name],
    error,
    errorKeys: PO_FILTER_ERROR_KEYS[name] ?? [],
  })
  const companyOptions: (readonly [string, string])[] = [
    ['', 'Any'],
    ...companies.map((c) => [String(c.ID), c.Name] as const),
  ]
  return html`<form class="filters" method="get" action="/console/purchase-orders" role="search">
      ${field({ label: 'Company', options: companyOptions, ...common('company') })}
      ${field({ label: 'PO status', options: enumChoices(PO_STATUS), ...common('status') })}
      ${field({ label: 'Receiving status', options: enumChoices(PO_RECEIVING_STATUS), ...common('receiving') })}
      ${field({ label: 'Shipping status', options: enumChoices(PO_SHIPPING_STATUS), ...common('shipping') })}
      ${field({ label: 'Payment status', options: enumChoices(PO_PAYMENT_STATUS), ...common('payment') })}
      ${field({ label: 'Created from', type: 'date', ...common('createdFrom') })}
      ${field({ label: 'Created to', type: 'date', ...common('createdTo') })}
      ${field({ label: 'Received from', type: 'date', ...common('receivedFrom') })}
      ${field({ label: 'Received to', type: 'date', ...common('receivedTo') })}
      ${field({ label: 'Keyword', type: 'search', placeholder: 'PO number, tracking, invoice…', ...common('keyword') })}
      <div class="actions">
        <button type="submit" class="primary">Filter</button>
        <a class="button" href="/console/purchase-orders">Clear</a>
      </div>
    </form>
    ${errorSummary(error, claimed)}`
}

function rowOf(
  row: PoRow,
  companies: ReadonlyMap<number, string>,
  vendors: ReadonlyMap<number, string>,
): Html {
  return html`<tr>
    <td><a href="/console/purchase-orders/${row.ID}">${row.ID}</a></td>
    <td>${shortDate(row.CreatedOn)}</td>
    <td>${nameOf(companies, row.CompanyID, 'Company')}</td>
    <td>${nameOf(vendors, row.VendorID, 'Vendor')}</td>
    <td>${poStatusName(row.PurchaseOrderStatus)}</td>
    <td>${receivingStatusName(row.ReceivingStatus)}</td>
    <td>${shippingStatusName(row.PurchaseOrdersShippingStatus)}</td>
    <td>${paymentStatusName(row.PaymentStatus)}</td>
    <td class="num">${row.UnitCounts ?? ''}</td>
    <td class="num">${money(row.GrandTotal)}</td>
    <td>${row.VendorInvoiceNumber ?? ''}</td>
  </tr>`
}

export function poTable(
  rows: readonly PoRow[],
  companies: ReadonlyMap<number, string>,
  vendors: ReadonlyMap<number, string>,
): Html {
  if (rows.length === 0) {
    return html`<p class="muted" id="pos-empty">No purchase orders match these filters.</p>`
  }
  return html`<div class="table-wrap">
    <table id="pos-table">
      <caption class="muted">
        Purchase orders, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">PO</th>
          <th scope="col">Created (UTC)</th>
          <th scope="col">Company</th>
          <th scope="col">Vendor</th>
          <th scope="col">Status</th>
          <th scope="col">Receiving</th>
          <th scope="col">Shipping</th>
          <th scope="col">Payment</th>
          <th scope="col" class="num">Units</th>
          <th scope="col" class="num">Total</th>
          <th scope="col">Invoice</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => rowOf(r, companies, vendors))}
      </tbody>
    </table>
  </div>`
}

/** The number of pages of `total` rows (at least 1). */
export function poPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PO_PAGE_SIZE))
}

export function poPager(f: PoFilters, total: number): Html {
  const pages = poPageCount(total)
  return html`<nav class="pager" aria-label="Pages">
    ${f.page > 1 ? html`<a href="${poListUrl(f, f.page - 1)}" rel="prev">Previous</a>` : ''}
    <span id="pos-page"
      >Page ${Math.min(f.page, pages)} of ${pages} · ${total} purchase orders</span
    >
    ${f.page < pages ? html`<a href="${poListUrl(f, f.page + 1)}" rel="next">Next</a>` : ''}
  </nav>`
}
