import { html, type Html } from './html.ts'
import { money, shortDate } from './purchase-orders.list.view.ts'
import {
  paymentStatusName,
  poStatusName,
  poTypeName,
  receivingStatusName,
  shippingStatusName,
} from './purchase-orders.names.view.ts'

// The PO page's summary, invoice and tracking numbers. Pure.

/** The keys of GET /PurchaseOrders/{id} the page shows (besides `Items`). */
export interface PoDetail {
  Purchase?: {
    POId?: number
    CompanyId?: number
    VendorId?: number
    POType?: number
    Description?: string
    ExpectedDelivery?: string | null
    OrderedOn?: string | null
  }
  VendorAndInvoice?: {
    InvoiceNumber?: string
    InvoiceDate?: string | null
    Invoices?: { InvoiceNumber?: string; InvoiceDate?: string | null }[]
  }
  Changes?: { CreatedOn?: string | null; ReceivedOn?: string | null; ReceivedBy?: string }
  Statuses?: {
    Status?: number
    ShippingStatus?: number
    ReceivingStatus?: number
    PaymentStatus?: number
  }
  TotalInfo?: { GrandTotal?: number; UnreceivedTotal?: number }
  RelatedItems?: { ID: number; RecordType?: string }[]
}

export interface PoTracking {
  TrackingNumber?: string
  ShippingCarrier?: string
  ShippedOn?: string | null
}

const prop = (term: string, value: Html | string | number, id?: string) =>
  html`<div>
    <dt>${term}</dt>
    <dd ${id === undefined ? '' : html`id="${id}"`}>
      ${value === '' ? html`<span class="muted">—</span>` : value}
    </dd>
  </div>`

export function poSummary(po: PoDetail, company: string, vendor: string): Html {
  const p = po.Purchase ?? {}
  const s = po.Statuses ?? {}
  return html`<dl class="props" id="po-summary">
    ${prop('Company', company)} ${prop('Vendor', vendor)} ${prop('Type', poTypeName(p.POType))}
    ${prop('Status', poStatusName(s.Status), 'po-status')}
    ${prop('Receiving', receivingStatusName(s.ReceivingStatus), 'po-receiving')}
    ${prop('Shipping', shippingStatusName(s.ShippingStatus))}
    ${prop('Payment', paymentStatusName(s.PaymentStatus))}
    ${prop('Created (UTC)', shortDate(po.Changes?.CreatedOn))}
    ${prop('Expected delivery (UTC)', shortDate(p.ExpectedDelivery))}
    ${prop('Received (UTC)', shortDate(po.Changes?.ReceivedOn))}
    ${prop('Grand total', money(po.TotalInfo?.GrandTotal))}
    ${prop('Not yet received', money(po.TotalInfo?.UnreceivedTotal))}
    ${prop('Description', p.Description ?? '')}
  </dl>`
}

export function poInvoice(po: PoDetail): Html {
  const v = po.VendorAndInvoice ?? {}
  const more = (v.Invoices ?? []).filter((i) => (i.InvoiceNumber ?? '') !== (v.InvoiceNumber ?? ''))
  return html`<section class="card" aria-labelledby="po-invoice-heading">
    <h2 id="po-invoice-heading">Invoice</h2>
    <dl class="props">
      ${prop('Invoice number', v.InvoiceNumber ?? '', 'po-invoice-number')}
      ${prop('Invoice date (UTC)', shortDate(v.InvoiceDate), 'po-invoice-date')}
    </dl>
    ${
      more.length === 0
        ? ''
        : html`<p>Other invoices:</p>
            <ul>
              ${more.map((i) => html`<li>${i.InvoiceNumber ?? ''} ${shortDate(i.InvoiceDate)}</li>`)}
            </ul>`
    }
  </section>`
}

export function poTrackingSection(entries: readonly PoTracking[] | null): Html {
  const body =
    entries === null
      ? html`<p class="muted">The API did not answer the tracking numbers of this PO.</p>`
      : entries.length === 0
        ? html`<p class="muted" id="po-tracking-empty">No tracking numbers yet.</p>`
        : html`<div class="table-wrap">
            <table id="po-tracking">
              <thead>
                <tr>
                  <th scope="col">Tracking number</th>
                  <th scope="col">Carrier</th>
                  <th scope="col">Shipped (UTC)</th>
                </tr>
              </thead>
              <tbody>
                ${entries.map(
                  (e) =>
                    html`<tr>
                      <td>${e.TrackingNumber ?? ''}</td>
                      <td>${e.ShippingCarrier ?? ''}</td>
                      <td>${shortDate(e.ShippedOn)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
  return html`<section class="card" aria-labelledby="po-tracking-heading">
    <h2 id="po-tracking-heading">Tracking numbers</h2>
    ${body}
  </section>`
}

/** A GET /PurchaseOrders row's tracking (its multiple entries, else the header's single one). */
export interface PoListTracking {
  TrackingNumbers?: PoTracking[]
  TrackingNumber?: string
  CourierService?: string
  ShippedOn?: string | null
}

export function trackingOfListRow(row: PoListTracking | undefined): PoTracking[] | null {
  if (row === undefined) {
    return null
  }
  if ((row.TrackingNumbers ?? []).length > 0) {
    return row.TrackingNumbers!
  }
  return (row.TrackingNumber ?? '') === ''
    ? []
    : [
        {
          TrackingNumber: row.TrackingNumber,
          ShippingCarrier: row.CourierService ?? '',
          ShippedOn: row.ShippedOn ?? null,
        },
      ]
}
