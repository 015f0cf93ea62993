import { html, type Html } from './html.ts'
import { dropshipName, type GraphRow, type ReleaseState } from './crossdock.view.ts'

// The crossdock link graph as a table (one row per linked PO line) and the release state of orders.

export const orderHref = (id: number) => `/console/orders/${id}`
export const poHref = (id: number) => `/console/purchase-orders/${id}`

export function orderLink(id: number): Html {
  return html`<a href="${orderHref(id)}" data-order-link="${id}">Order ${id}</a>`
}

export function poLink(id: number): Html {
  return html`<a href="${poHref(id)}" data-po-link="${id}">PO ${id}</a>`
}

const figure = (n: number | null) => (n === null ? '—' : n)

const itemsText = (row: GraphRow) =>
  html`${row.items.map((i, n) => html`${n > 0 ? ', ' : ''}item ${i.orderItemId} (${i.qty})`)}`

/**
 * The link graph: each PO line linked, with linked, received and still-to-receive units. The page is
 * about one order or one PO (linked in its heading), so the first column shows the other side.
 */
export function graphTable(
  caption: string,
  rows: readonly GraphRow[],
  about: 'order' | 'po',
): Html {
  if (rows.length === 0) {
    return html`<p class="muted" id="crossdock-empty">No links.</p>`
  }
  const first = (row: GraphRow) =>
    about === 'order'
      ? html`${poLink(row.poId)}<span class="cd-sub">line ${row.poItemId} · ${row.sku}</span
          ><span class="cd-sub">for ${itemsText(row)}</span>`
      : html`${orderLink(row.orderId)}<span class="cd-sub">${itemsText(row)}</span
          ><span class="cd-sub">on line ${row.poItemId} · ${row.sku}</span>`
  return html`<div class="table-wrap">
    <table id="crossdock-links">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${about === 'order' ? 'PO line' : 'Order items'}</th>
          <th scope="col" class="num">Linked</th>
          <th scope="col" class="num">Received</th>
          <th scope="col" class="num">Still to receive</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr data-po-line="${row.poItemId}">
              <td>${first(row)}</td>
              <td class="num" data-col="linked">${row.linked}</td>
              <td class="num" data-col="received">${figure(row.received)}</td>
              <td class="num" data-col="still">${figure(row.stillToReceive)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`
}

/** An order's release state in words, with links to the POs it waits on. */
export function releaseText(state: ReleaseState): Html {
  switch (state.kind) {
    case 'not-linked':
      return html`<span class="badge">Not linked to a PO</span>`
    case 'released':
      return html`<span class="badge good">Released</span>
        <span class="muted">(DropshipStatus ${dropshipName(state.dropshipStatus)})</span>`
    case 'waiting':
      return state.poIds.length === 0
        ? html`<span class="badge bad">Waiting</span> (DropshipStatus Pending)`
        : html`<span class="badge bad">Waiting</span> on
            ${state.poIds.map((id, n) => html`${n > 0 ? ', ' : ''}${poLink(id)}`)}:
            <span data-units-left>${state.unitsLeft}</span> units still to receive`
  }
}
