import { errorOf, succeeded, type ApiError, type ConsoleApi } from './console-api.ts'
import type { ConsoleContext, ConsoleSectionRegistrar } from './console-routes.ts'
import { formValue, type FormBody } from './forms.ts'
import { html, type Html } from './html.ts'
import { page } from './layout.ts'
import {
  capNote,
  distinctIds,
  graphRows,
  releaseState,
  type LinkLine,
  type OrderAnswer,
  type PoAnswer,
} from './crossdock.view.ts'
import { graphTable, orderLink, poLink, releaseText } from './crossdock-graph.view.ts'
import {
  emptyLinkForm,
  linkForm,
  linkRequest,
  pickForm,
  type LinkFormValues,
} from './crossdock-form.view.ts'

// `/console/crossdock`: an order's or a PO's crossdock links (order items ↔ PO lines), what is still
// to receive before the order is released, and a form to link an order to a PO.

/** At most this many POs (of an order) or orders (of a PO) are read to draw one graph. */
const MAX_FETCHED = 20
const ID = /^[1-9]\d{0,9}$/

async function readOrders(api: ConsoleApi, ids: number[]): Promise<Map<number, OrderAnswer>> {
  const answers = await Promise.all(ids.map((id) => api.get<OrderAnswer>(`/rest/api/Orders/${id}`)))
  const map = new Map<number, OrderAnswer>()
  answers.forEach((a, n) => (succeeded(a) ? map.set(ids[n]!, a.body) : undefined))
  return map
}

/** Every listed PO in one list call (GET /PurchaseOrders/{id} also computes stock figures per line). */
async function readPos(api: ConsoleApi, ids: number[]): Promise<Map<number, PoAnswer>> {
  if (ids.length === 0) {
    return new Map()
  }
  const answer = await api.get<{ Items?: PoAnswer[] }>(
    `/rest/api/PurchaseOrders?pOIds=${ids.join(',')}&pageSize=${MAX_FETCHED}`,
  )
  return new Map(succeeded(answer) ? (answer.body.Items ?? []).map((po) => [po.ID, po]) : [])
}

async function readLinks(api: ConsoleApi, filter: string): Promise<LinkLine[] | ApiError> {
  const answer = await api.get<{ Items: LinkLine[] }>(`/admin/crossdock/links?${filter}`)
  return succeeded(answer) ? answer.body.Items : errorOf(answer)
}

const note = (text: string | null) => (text === null ? '' : html`<p class="muted">${text}</p>`)

const refused = (error: ApiError) =>
  html`<div class="alert error" role="alert">
    ${error.Message ?? 'The API refused the request.'}
  </div>`

async function orderGraph(api: ConsoleApi, orderId: number) {
  const [links, orderAnswer] = await Promise.all([
    readLinks(api, `orderId=${orderId}`),
    api.get<OrderAnswer>(`/rest/api/Orders/${orderId}`),
  ])
  if (!succeeded(orderAnswer)) {
    return { order: null, content: refused(errorOf(orderAnswer)) }
  }
  if (!Array.isArray(links)) {
    return { order: orderAnswer.body, content: refused(links) }
  }
  const poIds = distinctIds(links, (l) => l.PurchaseOrderID, MAX_FETCHED)
  const pos = await readPos(api, poIds)
  const state = releaseState(orderAnswer.body, poIds, pos)
  return {
    order: orderAnswer.body,
    content: html`<section class="card" aria-labelledby="crossdock-graph-title">
      <h2 id="crossdock-graph-title">${orderLink(orderId)}</h2>
      <p id="crossdock-state">${releaseText(state)}</p>
      ${note(
        capNote(
          links.map((l) => l.PurchaseOrderID),
          MAX_FETCHED,
          'POs',
        ),
      )}
      ${graphTable(`PO lines order ${orderId} is linked to`, graphRows(links, pos), 'order')}
    </section>`,
  }
}

async function poGraph(api: ConsoleApi, poId: number): Promise<Html> {
  const [links, pos] = await Promise.all([readLinks(api, `poId=${poId}`), readPos(api, [poId])])
  if (!pos.has(poId)) {
    // Not in the list: the PO's own read says why (not found, another company's).
    return refused(errorOf(await api.get(`/rest/api/PurchaseOrders/${poId}`)))
  }
  if (!Array.isArray(links)) {
    return refused(links)
  }
  const orderIds = distinctIds(links, (l) => l.OrderID, MAX_FETCHED)
  const orders = await readOrders(api, orderIds)
  const stateOf = (id: number) => {
    const order = orders.get(id)
    if (order === undefined) {
      return html`<span class="muted">not readable</span>`
    }
    const linked = [...new Set(order.OrderItems?.flatMap((i) => i.LinkedPurchaseOrderIDs ?? []))]
    return releaseText(releaseState(order, linked, pos))
  }
  return html`<section class="card" aria-labelledby="crossdock-graph-title">
    <h2 id="crossdock-graph-title">${poLink(poId)}</h2>
    ${graphTable(`Order items linked to PO ${poId}`, graphRows(links, pos), 'po')}
    <h3>Linked orders</h3>
    ${note(
      capNote(
        links.map((l) => l.OrderID),
        MAX_FETCHED,
        'orders',
      ),
    )}
    <ul id="crossdock-orders">
      ${orderIds.map((id) => html`<li data-order="${id}">${orderLink(id)}: ${stateOf(id)}</li>`)}
    </ul>
  </section>`
}

async function render(
  ctx: ConsoleContext,
  values: LinkFormValues | null,
  error: ApiError | null,
  notice?: string,
): Promise<Html> {
  const { order, po } = ctx.query
  let content: Html = html``
  let orderAnswer: OrderAnswer | null = null
  if (order !== undefined && ID.test(order)) {
    const graph = await orderGraph(ctx.api, Number(order))
    content = graph.content
    orderAnswer = graph.order
  } else if (po !== undefined && ID.test(po)) {
    content = await poGraph(ctx.api, Number(po))
  } else if ((order ?? po ?? '') !== '') {
    content = html`<div class="alert error" role="alert">Give a whole number ID.</div>`
  }
  const formValues = values ?? emptyLinkForm(order !== undefined && ID.test(order) ? order : '')
  return page(
    { title: 'Crossdock', section: 'crossdock', viewer: ctx.viewer, notice },
    html`<h1>Crossdock</h1>
      ${pickForm({ order, po })} ${content}
      ${linkForm(ctx.viewer.csrfToken, formValues, orderAnswer, error)}`,
  )
}

const valuesOf = (form: FormBody): LinkFormValues => ({
  order: formValue(form, 'order'),
  item: formValue(form, 'item'),
  qty: formValue(form, 'qty'),
  target: formValue(form, 'target') === 'new' ? 'new' : 'existing',
  poId: formValue(form, 'poId'),
  companyId: formValue(form, 'companyId'),
  vendorId: formValue(form, 'vendorId'),
})

export const registerCrossdock: ConsoleSectionRegistrar = (routes) => {
  routes.page('/crossdock', async (ctx) => {
    const { linked, order } = ctx.query
    const notice =
      linked !== undefined && order !== undefined && ID.test(linked) && ID.test(order)
        ? `Order ${order} linked to PO ${linked}.`
        : undefined
    return render(ctx, null, null, notice)
  })
  routes.action('/crossdock/link', async (ctx, form) => {
    const values = valuesOf(form)
    const request = linkRequest(values)
    const answer = await ctx.api.send<number>('POST', request.path, request.body)
    if (succeeded(answer)) {
      const order = encodeURIComponent(values.order.trim())
      return { redirect: `/console/crossdock?order=${order}&linked=${answer.body}` }
    }
    ctx.reply.code(answer.status >= 400 && answer.status < 500 ? answer.status : 400)
    if (ID.test(values.order.trim())) {
      ctx.query = { ...ctx.query, order: values.order.trim() }
    }
    return render(ctx, values, errorOf(answer))
  })
}
