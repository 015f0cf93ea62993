import type { ApiError } from './console-api.ts'
import { csrfField, errorSummary, field } from './forms.ts'
import { html, type Html } from './html.ts'
import type { OrderAnswer } from './crossdock.view.ts'

// The forms of the crossdock section: pick an order or a PO, and link an order item to a PO.

/** The GET form that opens an order's or a PO's link graph. */
export function pickForm(query: { order?: string; po?: string }): Html {
  return html`<form class="filters" method="get" action="/console/crossdock" id="crossdock-pick">
    ${field({ label: 'Order ID', name: 'order', type: 'number', min: '1', value: query.order })}
    ${field({ label: 'PO ID', name: 'po', type: 'number', min: '1', value: query.po })}
    <div class="actions"><button type="submit" class="primary">Show links</button></div>
  </form>`
}

export interface LinkFormValues {
  order: string
  item: string
  qty: string
  target: string
  poId: string
  companyId: string
  vendorId: string
}

export const emptyLinkForm = (order = ''): LinkFormValues => ({
  order,
  item: '',
  qty: '',
  target: 'existing',
  poId: '',
  companyId: '1',
  vendorId: '',
})

/** The ModelState keys each control of the link form shows. */
export const LINK_KEYS = {
  order: ['orderID'],
  item: ['Items', 'Items[0].OrderItemID', 'Items[0]'],
  qty: ['Items[0].QtyForPo'],
  poId: ['ExistingPo', 'ExistingPo.PoID'],
  companyId: ['NewPo.CompanyID'],
  vendorId: ['NewPo', 'NewPo.VendorID'],
} as const

const claimed = Object.values(LINK_KEYS).flat()

/** The item choices of a known order (value '' links every item's unlinked quantity). */
function itemOptions(order: OrderAnswer | null): Array<readonly [string, string]> | undefined {
  if (order?.OrderItems === undefined) {
    return undefined
  }
  return [
    ['', 'Every item (all unlinked units)'],
    ...order.OrderItems.map(
      (i) => [String(i.ID), `Item ${i.ID} · ${i.ProductID} × ${i.Qty}`] as const,
    ),
  ]
}

/** POST /console/crossdock/link: LinkToPo for one item (or the whole order) onto a new or existing PO. */
export function linkForm(
  csrfToken: string,
  values: LinkFormValues,
  order: OrderAnswer | null,
  error: ApiError | null,
): Html {
  const options = itemOptions(order)
  return html`<section class="card" aria-labelledby="crossdock-link-title">
    <h2 id="crossdock-link-title">Link an order to a PO</h2>
    ${errorSummary(error, claimed)}
    <form class="filters" method="post" action="/console/crossdock/link" id="crossdock-link">
      ${csrfField(csrfToken)}
      ${field({ label: 'Order ID', name: 'order', type: 'number', min: '1', required: true, value: values.order, error, errorKeys: LINK_KEYS.order, idSuffix: '-link' })}
      ${
        options === undefined
          ? field({
              label: 'Order item ID (empty: every item)',
              name: 'item',
              type: 'number',
              min: '1',
              value: values.item,
              error,
              errorKeys: LINK_KEYS.item,
            })
          : field({
              label: 'Order item',
              name: 'item',
              options,
              value: values.item,
              error,
              errorKeys: LINK_KEYS.item,
            })
      }
      ${field({ label: 'Quantity (empty: all unlinked units)', name: 'qty', type: 'number', min: '1', value: values.qty, error, errorKeys: LINK_KEYS.qty })}
      ${field({
        label: 'Link to',
        name: 'target',
        value: values.target,
        options: [
          ['existing', 'An existing PO'],
          ['new', 'A new PO'],
        ],
      })}
      ${field({ label: 'Existing PO ID', name: 'poId', type: 'number', min: '1', value: values.poId, error, errorKeys: LINK_KEYS.poId })}
      ${field({ label: 'New PO: vendor ID', name: 'vendorId', type: 'number', min: '1', value: values.vendorId, error, errorKeys: LINK_KEYS.vendorId })}
      ${field({ label: 'New PO: company ID', name: 'companyId', type: 'number', min: '1', value: values.companyId, error, errorKeys: LINK_KEYS.companyId })}
      <div class="actions"><button type="submit" class="primary">Link</button></div>
    </form>
  </section>`
}

/** A form number as the API takes it: digits → integer, empty → undefined, else as typed (the API refuses it). */
function numberOf(value: string): number | string | undefined {
  const text = value.trim()
  if (text === '') {
    return undefined
  }
  return /^\d{1,10}$/.test(text) ? Number(text) : text
}

/** The LinkToPo call the link form asks for: the path and the body. */
export function linkRequest(values: LinkFormValues): { path: string; body: unknown } {
  const item = numberOf(values.item)
  const qty = numberOf(values.qty)
  const target =
    values.target === 'new'
      ? {
          NewPo: {
            CompanyID: numberOf(values.companyId) ?? 0,
            VendorID: numberOf(values.vendorId) ?? 0,
          },
        }
      : { ExistingPo: { PoID: numberOf(values.poId) ?? 0 } }
  const items =
    item === undefined
      ? null
      : [{ OrderItemID: item, ...(qty === undefined ? {} : { QtyForPo: qty }) }]
  const order = values.order.trim() === '' ? '0' : encodeURIComponent(values.order.trim())
  return { path: `/rest/api/Orders/${order}/LinkToPo`, body: { ...target, Items: items } }
}
