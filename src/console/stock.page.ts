import { errorOf, succeeded } from './console-api.ts'
import type { ConsoleSectionRegistrar } from './console-routes.ts'
import { queryString } from './html.ts'
import { page } from './layout.ts'
import { readWarehouses, showStockDetail, type ListBody } from './stock-detail.page.ts'
import { readStockFilters, stockHref, stockListView, type StockItem } from './stock.view.ts'

// `/console/stock`: every product's stock, searched by SKU or name, filtered by warehouse, 25 a
// page: one GET /Inventory and one GET /Warehouses per page, whatever the page holds.
// `?sku=X` goes to that product's page.

export const STOCK_PAGE_SIZE = 25

export const registerStock: ConsoleSectionRegistrar = (routes) => {
  routes.page('/stock', async (ctx) => {
    const sku = (ctx.query.sku ?? '').trim()
    if (sku !== '') {
      return { redirect: stockHref(sku) }
    }
    const filters = readStockFilters(ctx.query)
    const path = `/rest/api/Inventory${queryString({
      keyword: filters.q,
      warehouse: filters.warehouse,
      pageNumber: filters.page,
      pageSize: STOCK_PAGE_SIZE,
    })}`
    const [list, warehouses] = await Promise.all([
      ctx.api.get<ListBody<StockItem>>(path),
      readWarehouses(ctx.api),
    ])
    const ok = succeeded(list)
    if (!ok) {
      ctx.reply.code(list.status >= 500 ? 502 : 400)
    }
    return page(
      { title: 'Stock', section: 'stock', viewer: ctx.viewer },
      stockListView({
        filters,
        pageSize: STOCK_PAGE_SIZE,
        items: ok ? (list.body.Items ?? []) : [],
        total: ok ? (list.body.TotalResults ?? 0) : 0,
        warehouses,
        problem: ok ? undefined : (errorOf(list).Message ?? `The API answered ${list.status}.`),
      }),
    )
  })
  routes.page('/stock/:sku', showStockDetail)
}
