import { errorOf, succeeded, type ApiError } from './console-api.ts'
import type { ConsoleSectionRegistrar } from './console-routes.ts'
import { html } from './html.ts'
import { page } from './layout.ts'
import { registerOrderActions } from './orders.actions.page.ts'
import { registerOrderDetail } from './orders.detail.page.ts'
import {
  filterForm,
  ordersTable,
  pager,
  type CompanyChoice,
  type OrderRow,
} from './orders.list.view.ts'
import { filtersOf, ordersApiPath } from './orders.query.view.ts'

// `/console/orders`: the orders of GET /Orders, filtered (a GET form: bookmarkable) and paged;
// each row links to its order's page.

interface ListAnswer<T> {
  Items?: T[]
  TotalResults?: number
}

export const registerOrders: ConsoleSectionRegistrar = (routes) => {
  routes.page('/orders', async (ctx) => {
    const filters = filtersOf(ctx.query)
    const [list, companies] = await Promise.all([
      ctx.api.get<ListAnswer<OrderRow>>(ordersApiPath(filters)),
      ctx.api.get<ListAnswer<CompanyChoice>>('/rest/api/Companies?pageSize=50'),
    ])
    const error: ApiError | null = succeeded(list) ? null : errorOf(list)
    if (error !== null) {
      ctx.reply.code(400)
    }
    const rows = succeeded(list) ? (list.body.Items ?? []) : []
    const total = succeeded(list) ? (list.body.TotalResults ?? 0) : 0
    return page(
      { title: 'Orders', section: 'orders', viewer: ctx.viewer },
      html`<h1>Orders</h1>
        ${filterForm(filters, succeeded(companies) ? (companies.body.Items ?? []) : [], error)}
        ${error === null ? html`${ordersTable(rows)} ${pager(filters, total)}` : ''}`,
    )
  })
  registerOrderDetail(routes)
  registerOrderActions(routes)
}
