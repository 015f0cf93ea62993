import { succeeded } from './console-api.ts'
import type { ConsoleContext, ConsoleSectionRegistrar } from './console-routes.ts'
import { html, type Html } from './html.ts'
import { page } from './layout.ts'
import {
  poInvoice,
  poSummary,
  poTrackingSection,
  trackingOfListRow,
  type PoDetail,
  type PoListTracking,
  type PoTracking,
} from './purchase-orders.detail.view.ts'
import {
  poLinesSection,
  servedByLine,
  type LinkLine,
  type PoLine,
} from './purchase-orders.lines.view.ts'
import { PO_STATUS } from './purchase-orders.names.view.ts'
import { EMPTY_RECEIVE, remainingOf, type ReceiveState } from './purchase-orders.receive.view.ts'

// `/console/purchase-orders/:id`: one PO (GET /PurchaseOrders/{id}) with its lines, the sales
// orders each line serves (GET /admin/crossdock/links?poId=), its tracking numbers
// (GET …/TrackingNumber/Multiple; the list row's tracking while that setting is off) and invoice,
// and the receive form (its actions: purchase-orders.receive.page.ts).

export type PoWithLines = PoDetail & { Items?: (PoLine & { RelatedOrderID?: number })[] }

/** The notices a redirect after receiving names (fixed texts: the URL cannot inject one). */
const NOTICES: Readonly<Record<string, string>> = {
  received: 'Received: the quantities below are the API’s after the receipt.',
}

const ID = /^[1-9]\d{0,9}$/

/** The id of the path, or null when it is not a PO ID. */
export function poIdOf(ctx: ConsoleContext): number | null {
  const id = ctx.params.id ?? ''
  return ID.test(id) && Number(id) <= 2147483647 ? Number(id) : null
}

export function poNotFound(ctx: ConsoleContext): Html {
  ctx.reply.code(404)
  return page(
    { title: 'Purchase order not found', section: 'purchase-orders', viewer: ctx.viewer },
    html`<h1>Purchase order not found</h1>
      <p>There is no such purchase order, or it belongs to a company you cannot see.</p>
      <p><a href="/console/purchase-orders">Back to the purchase orders</a></p>`,
  )
}

/** The PO of the API, or null when it does not show that PO. */
export async function loadPo(ctx: ConsoleContext, id: number): Promise<PoWithLines | null> {
  const answer = await ctx.api.get<PoWithLines>(`/rest/api/PurchaseOrders/${id}`)
  return succeeded(answer) ? answer.body : null
}

async function trackingOf(ctx: ConsoleContext, id: number): Promise<PoTracking[] | null> {
  const multiple = await ctx.api.get<{ TrackingNumbers?: PoTracking[] }>(
    `/rest/api/PurchaseOrders/${id}/TrackingNumber/Multiple`,
  )
  if (succeeded(multiple)) {
    return multiple.body.TrackingNumbers ?? []
  }
  const row = await ctx.api.get<{ Items?: PoListTracking[] }>(
    `/rest/api/PurchaseOrders?pOIds=${id}&pageSize=1`,
  )
  return succeeded(row) ? trackingOfListRow(row.body.Items?.[0]) : null
}

async function linksOf(ctx: ConsoleContext, id: number): Promise<LinkLine[] | null> {
  const answer = await ctx.api.get<{ Items?: LinkLine[] }>(`/admin/crossdock/links?poId=${id}`)
  return succeeded(answer) ? (answer.body.Items ?? []) : null
}

/** The PO page, or null when the API does not show that PO. */
export async function poPage(
  ctx: ConsoleContext,
  id: number,
  state: ReceiveState,
  notice?: string,
): Promise<Html | null> {
  const [po, tracking, links] = await Promise.all([
    loadPo(ctx, id),
    trackingOf(ctx, id),
    linksOf(ctx, id),
  ])
  if (po === null) {
    return null
  }
  const companyId = po.Purchase?.CompanyId ?? 0
  const vendorId = po.Purchase?.VendorId ?? 0
  const [companyAnswer, vendorAnswer] = await Promise.all([
    ctx.api.get<{ Details?: { CompanyName?: string } }>(`/rest/api/Companies/${companyId}`),
    ctx.api.get<{ Name?: string }>(`/rest/api/Vendors/${vendorId}`),
  ])
  const company = succeeded(companyAnswer) ? (companyAnswer.body.Details?.CompanyName ?? '') : ''
  const vendor = succeeded(vendorAnswer) ? (vendorAnswer.body.Name ?? '') : ''
  const lines = po.Items ?? []
  const receivable =
    po.Statuses?.Status !== PO_STATUS.Cancelled && lines.some((l) => remainingOf(l) > 0)
  return page(
    { title: `Purchase order ${id}`, section: 'purchase-orders', viewer: ctx.viewer, notice },
    html`<p><a href="/console/purchase-orders">← Purchase orders</a></p>
      <h1>Purchase order ${id}</h1>
      <p><a href="/console/crossdock?po=${id}">Crossdock view of this PO</a></p>
      ${poSummary(po, company || `Company ${companyId}`, vendor || `Vendor ${vendorId}`)}
      ${poLinesSection(id, lines, servedByLine(links, lines), state, ctx.viewer.csrfToken, receivable)}
      <div class="grid2">${poInvoice(po)} ${poTrackingSection(tracking)}</div>`,
  )
}

export const registerPoDetail: ConsoleSectionRegistrar = (routes) => {
  routes.page('/purchase-orders/:id', async (ctx) => {
    const id = poIdOf(ctx)
    const done = ctx.query.done
    const notice = done === undefined ? undefined : NOTICES[done]
    const shown = id === null ? null : await poPage(ctx, id, EMPTY_RECEIVE, notice)
    return shown ?? poNotFound(ctx)
  })
}
