import { csrfField, errorSummary, field, messagesFor } from './forms.ts'
import { html, type Html } from './html.ts'
import { money } from './purchase-orders.list.view.ts'
import {
  claimedReceiveKeys,
  lineErrorKeys,
  qtyName,
  remainingOf,
  type ReceivableLine,
  type ReceiveState,
} from './purchase-orders.receive.view.ts'

// The PO page's lines: SKU, units ordered and received, price, the sales orders each line serves,
// and the receive form (a quantity per line, or everything still open). Pure.

export interface PoLine extends ReceivableLine {
  ProductName?: string
  UnitPrice?: number
  Total?: number
}

/** A sales order a PO line serves, with the units the link added to the line. */
export interface ServedOrder {
  orderId: number
  units: number | null
}

function servedCell(orders: readonly ServedOrder[] | undefined): Html {
  if (orders === undefined || orders.length === 0) {
    return html`<span class="muted">—</span>`
  }
  return html`<ul class="served-orders">
    ${orders.map(
      (o) =>
        html`<li>
          <a href="/console/orders/${o.orderId}">Order ${o.orderId}</a
          >${o.units === null ? '' : html` <span class="muted">(${o.units} units)</span>`}
        </li>`,
    )}
  </ul>`
}

function lineRow(
  line: PoLine,
  served: ReadonlyMap<number, readonly ServedOrder[]>,
  state: ReceiveState,
  receivable: boolean,
): Html {
  const sku = line.ProductID ?? ''
  const keys = lineErrorKeys(state.indexByLine.get(line.ID))
  const invalid = messagesFor(state.error, keys).length > 0
  return html`<tr id="po-line-${line.ID}" class="${invalid ? 'refused' : ''}">
    <th scope="row">${sku}</th>
    <td>${line.ProductName ?? ''}</td>
    <td class="num">${line.QtyOrdered ?? 0}</td>
    <td class="num" data-received>${line.QtyReceived ?? 0}</td>
    <td class="num">${remainingOf(line)}</td>
    <td class="num">${money(line.UnitPrice)}</td>
    <td class="num">${money(line.Total)}</td>
    <td>${servedCell(served.get(line.ID))}</td>
    ${
      receivable
        ? html`<td class="receive-qty">
            ${field({
              label: `Receive ${sku} (line ${line.ID})`,
              name: qtyName(line.ID),
              type: 'number',
              min: '1',
              step: '1',
              value: state.values.get(line.ID) ?? '',
              error: state.error,
              errorKeys: keys,
            })}
          </td>`
        : ''
    }
  </tr>`
}

/** The lines table, inside the receive form when the PO can still be received. */
export function poLinesSection(
  poId: number,
  lines: readonly PoLine[],
  served: ReadonlyMap<number, readonly ServedOrder[]>,
  state: ReceiveState,
  csrfToken: string,
  receivable: boolean,
): Html {
  const table = html`<div class="table-wrap">
    <table id="po-lines">
      <caption class="muted">
        Lines of purchase order ${poId}
      </caption>
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Product</th>
          <th scope="col" class="num">Ordered</th>
          <th scope="col" class="num">Received</th>
          <th scope="col" class="num">Remaining</th>
          <th scope="col" class="num">Unit price</th>
          <th scope="col" class="num">Total</th>
          <th scope="col">Serves sales orders</th>
          ${receivable ? html`<th scope="col">Receive now</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${lines.map((l) => lineRow(l, served, state, receivable))}
      </tbody>
    </table>
  </div>`
  const open = lines.some((l) => remainingOf(l) > 0)
  return html`<section class="card" aria-labelledby="po-lines-heading">
    <h2 id="po-lines-heading">Lines</h2>
    ${errorSummary(state.error, claimedReceiveKeys(state))}
    ${
      receivable
        ? html`<form
              method="post"
              action="/console/purchase-orders/${poId}/receive"
              id="po-receive-form"
            >
              ${csrfField(csrfToken)} ${table}
              ${field({
                label: 'Receive invoice number (optional)',
                name: 'invoice',
                value: state.invoice,
                error: state.error,
                errorKeys: ['ReceiveInvoiceNumber'],
              })}
              <div class="actions">
                <button type="submit" class="primary">Receive entered quantities</button>
              </div>
            </form>
            ${
              open
                ? html`<form
                    method="post"
                    action="/console/purchase-orders/${poId}/receive-all"
                    class="inline"
                    data-confirm="Receive every unit still open on purchase order ${poId}?"
                  >
                    ${csrfField(csrfToken)}
                    <button type="submit">Receive all remaining</button>
                  </form>`
                : ''
            }`
        : table
    }
  </section>`
}

/** A link line of GET /admin/crossdock/links: an order item's units on a PO line. */
export interface LinkLine {
  OrderID: number
  PurchaseOrderItemID: number
  Qty?: number
}

/**
 * The sales orders each PO line serves: the crossdock link lines when the API answered them (units
 * summed per order), else each line's `RelatedOrderID` (the order that first added it; no units).
 */
export function servedByLine(
  links: readonly LinkLine[] | null,
  lines: readonly (PoLine & { RelatedOrderID?: number })[],
): Map<number, ServedOrder[]> {
  const served = new Map<number, ServedOrder[]>()
  if (links === null) {
    for (const line of lines) {
      if ((line.RelatedOrderID ?? 0) > 0) {
        served.set(line.ID, [{ orderId: line.RelatedOrderID!, units: null }])
      }
    }
    return served
  }
  for (const link of links) {
    const list = served.get(link.PurchaseOrderItemID) ?? []
    const known = list.find((o) => o.orderId === link.OrderID)
    if (known === undefined) {
      list.push({ orderId: link.OrderID, units: link.Qty ?? 0 })
    } else {
      known.units = (known.units ?? 0) + (link.Qty ?? 0)
    }
    served.set(link.PurchaseOrderItemID, list)
  }
  return served
}
