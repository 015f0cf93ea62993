import { html, type Html } from './html.ts'
import { money, shortDate } from './orders.list.view.ts'
import { noteCategoryName, paymentMethodName, paymentTypeName } from './orders.names.view.ts'

// What happened to one order: its packages with their tracking, its payments and its notes
// (the `OrderPackages`, `Payments` and `Notes` of GET /Orders/{id}). Pure.

export interface OrderPackage {
  ID: number
  TrackingNumber?: string | null
  Weight?: number | null
  FinalShippingFee?: number
  Items?: readonly { ProductID?: string | null; Qty?: number; ItemName?: string | null }[]
}

export interface OrderPayment {
  ID: number
  TransactionReferenceNumber?: string | null
  PaidAmount?: number
  PaymentDate?: string | null
  PaymentType?: number
  PaymentMethod?: number
}

export interface OrderNote {
  NoteID: number
  Note?: string | null
  AuditDate?: string | null
  Category?: number
  CreatedByName?: string | null
}

export function packagesTable(packages: readonly OrderPackage[], carrier: string): Html {
  return html`<section class="card" aria-labelledby="order-packages">
    <h2 id="order-packages">Packages and tracking</h2>
    ${
      packages.length === 0
        ? html`<p class="muted">Not shipped: no packages yet.</p>`
        : html`<div class="table-wrap">
            <table id="order-packages-table">
              <thead>
                <tr>
                  <th scope="col">Package</th>
                  <th scope="col">Carrier</th>
                  <th scope="col">Tracking number</th>
                  <th scope="col" class="num">Weight</th>
                  <th scope="col" class="num">Shipping fee</th>
                  <th scope="col">Contents</th>
                </tr>
              </thead>
              <tbody>
                ${packages.map(
                  (p) =>
                    html`<tr>
                      <td>${p.ID}</td>
                      <td>${carrier}</td>
                      <td>${p.TrackingNumber ?? ''}</td>
                      <td class="num">${p.Weight ?? ''}</td>
                      <td class="num">${money(p.FinalShippingFee)}</td>
                      <td>
                        ${(p.Items ?? []).map(
                          (i, n) => html`${n > 0 ? ', ' : ''}${i.Qty ?? ''} × ${i.ProductID ?? ''}`,
                        )}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`
}

export function paymentsTable(payments: readonly OrderPayment[]): Html {
  return html`<section class="card" aria-labelledby="order-payments">
    <h2 id="order-payments">Payments</h2>
    ${
      payments.length === 0
        ? html`<p class="muted">No payments received.</p>`
        : html`<div class="table-wrap">
            <table id="order-payments-table">
              <thead>
                <tr>
                  <th scope="col">Date (UTC)</th>
                  <th scope="col">Type</th>
                  <th scope="col">Method</th>
                  <th scope="col">Reference</th>
                  <th scope="col" class="num">Amount</th>
                </tr>
              </thead>
              <tbody>
                ${payments.map(
                  (p) =>
                    html`<tr>
                      <td>${shortDate(p.PaymentDate)}</td>
                      <td>${paymentTypeName(p.PaymentType)}</td>
                      <td>${paymentMethodName(p.PaymentMethod)}</td>
                      <td>${p.TransactionReferenceNumber ?? ''}</td>
                      <td class="num">${money(p.PaidAmount)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`
}

/** The notes, oldest first as the API answers them. */
export function notesList(notes: readonly OrderNote[]): Html {
  if (notes.length === 0) {
    return html`<p class="muted" id="order-notes-empty">No notes yet.</p>`
  }
  return html`<ol class="order-notes" id="order-notes">
    ${notes.map(
      (n) =>
        html`<li>
          <p class="note-text">${n.Note ?? ''}</p>
          <p class="muted">
            ${shortDate(n.AuditDate)} · ${n.CreatedByName ?? ''} · ${noteCategoryName(n.Category)}
          </p>
        </li>`,
    )}
  </ol>`
}
