import { errorOf, succeeded, type ApiError } from './console-api.ts'
import type { ConsoleContext, ConsoleSectionRegistrar } from './console-routes.ts'
import { html } from './html.ts'
import { page } from './layout.ts'
import { registerPoDetail } from './purchase-orders.detail.page.ts'
import { poFilterForm, poPager, poTable, type PoRow } from './purchase-orders.list.view.ts'
import { poFiltersOf, poListApiPath } from './purchase-orders.query.view.ts'
import { registerPoReceive } from './purchase-orders.receive.page.ts'

// `/console/purchase-orders`: one page of GET /PurchaseOrders, filtered by a GET form
// (bookmarkable) and paged by the API; each row links to its PO's page. Three API calls: the page,
// the companies (filter and names) and the vendors of the page's rows.

interface ListAnswer<T> {
  Items?: T[]
  TotalResults?: number
}

/** ID → name of the companies the viewer sees (the first 50: the filter's choices). */
export async function companyNames(ctx: ConsoleContext): Promise<Map<number, string>> {
  const answer = await ctx.api.get<ListAnswer<{ ID: number; CompanyName?: string }>>(
    '/rest/api/Companies?pageSize=50',
  )
  const items = succeeded(answer) ? (answer.body.Items ?? []) : []
  return new Map(items.map((c) => [c.ID, c.CompanyName ?? `Company ${c.ID}`]))
}

/** ID → name of these vendors (one call; none when there are none). */
export async function vendorNames(
  ctx: ConsoleContext,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)].filter((id) => id > 0).slice(0, 50)
  if (wanted.length === 0) {
    return new Map()
  }
  const answer = await ctx.api.get<ListAnswer<{ ID: number; Name?: string }>>(
    `/rest/api/Vendors?vendorIDs=${wanted.join(',')}&pageSize=50`,
  )
  const items = succeeded(answer) ? (answer.body.Items ?? []) : []
  return new Map(items.map((v) => [v.ID, v.Name ?? `Vendor ${v.ID}`]))
}

export const registerPurchaseOrders: ConsoleSectionRegistrar = (routes) => {
  routes.page('/purchase-orders', async (ctx) => {
    const filters = poFiltersOf(ctx.query)
    const [list, companies] = await Promise.all([
      ctx.api.get<ListAnswer<PoRow>>(poListApiPath(filters)),
      companyNames(ctx),
    ])
    const error: ApiError | null = succeeded(list) ? null : errorOf(list)
    if (error !== null) {
      ctx.reply.code(400)
    }
    const rows = succeeded(list) ? (list.body.Items ?? []) : []
    const total = succeeded(list) ? (list.body.TotalResults ?? 0) : 0
    const vendors = await vendorNames(
      ctx,
      rows.map((r) => r.VendorID ?? 0),
    )
    const choices = [...companies].map(([ID, Name]) => ({ ID, Name }))
    return page(
      { title: 'Purchase orders', section: 'purchase-orders', viewer: ctx.viewer },
      html`<h1>Purchase orders</h1>
        ${poFilterForm(filters, choices, error)}
        ${error === null ? html`${poTable(rows, companies, vendors)} ${poPager(filters, total)}` : ''}`,
    )
  })
  registerPoDetail(routes)
  registerPoReceive(routes)
}
