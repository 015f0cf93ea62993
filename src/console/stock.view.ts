import { field } from './forms.ts'
import { html, queryString, type Html } from './html.ts'

// The stock list (`/console/stock`): per product, its physical, reserved, on-order and available
// units in total (GET /Inventory gives no per-warehouse reservations; the product's page shows its
// figures per warehouse), and, filtered by a warehouse, the physical units there.

/** The keys of GET /rest/api/Inventory's items the console shows. */
export interface StockItem {
  ID: string
  ProductName: string
  CompanyName?: string | null
  PhysicalQty: number
  ReservedQty: number
  OnOrder: number
  InventoryAvailableQty: number
  WarehousePhysicalQty: number
  IsKit?: boolean
}

export interface WarehouseOption {
  ID: number
  Name: string
  IsSellAble?: boolean
}

export interface StockFilters {
  q: string
  warehouse: number | undefined
  page: number
}

export interface StockListData {
  filters: StockFilters
  pageSize: number
  items: readonly StockItem[]
  total: number
  warehouses: readonly WarehouseOption[]
  /** What the API refused (shown above the list), when it did. */
  problem?: string | undefined
}

/** The product's stock page. */
export function stockHref(sku: string): string {
  return `/console/stock/${encodeURIComponent(sku)}`
}

/** The filters as read from the query string (a page below 1 or not a number is page 1). */
export function readStockFilters(query: Record<string, string>): StockFilters {
  const warehouse = Number(query.warehouse)
  const page = Number(query.page)
  return {
    q: (query.q ?? '').trim().slice(0, 200),
    warehouse: Number.isInteger(warehouse) && warehouse > 0 ? warehouse : undefined,
    page: Number.isInteger(page) && page > 1 ? Math.min(page, 1_000_000) : 1,
  }
}

/** The number of the last page (at least 1). */
export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

/** Previous / next links and where in the list this page is; `href(page)` builds each link. */
export function pager(
  label: string,
  page: number,
  pageSize: number,
  total: number,
  href: (page: number) => string,
): Html {
  const last = lastPage(total, pageSize)
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)
  return html`<nav class="pager" aria-label="${label}">
    ${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">Previous</a>` : ''}
    <span>${from}–${to} of ${total} · page ${Math.min(page, last)} of ${last}</span>
    ${page < last ? html`<a href="${href(page + 1)}" rel="next">Next</a>` : ''}
  </nav>`
}

function filtersForm(data: StockListData): Html {
  const { filters } = data
  return html`<form class="filters" method="get" action="/console/stock" role="search">
    ${field({
      label: 'SKU or name contains',
      name: 'q',
      type: 'search',
      value: filters.q,
      autocomplete: 'off',
    })}
    ${field({
      label: 'Warehouse',
      name: 'warehouse',
      value: filters.warehouse === undefined ? '' : String(filters.warehouse),
      options: [
        ['', 'All warehouses'],
        ...data.warehouses.map((w) => [String(w.ID), w.Name] as const),
      ],
    })}
    <div class="actions">
      <button type="submit" class="primary">Search</button>
      <a href="/console/stock">Clear</a>
    </div>
  </form>`
}

function row(item: StockItem, byWarehouse: boolean): Html {
  return html`<tr>
    <td><a href="${stockHref(item.ID)}">${item.ID}</a></td>
    <td>${item.ProductName}${item.IsKit === true ? html` <span class="badge">kit</span>` : ''}</td>
    ${byWarehouse ? html`<td class="num">${item.WarehousePhysicalQty}</td>` : ''}
    <td class="num">${item.PhysicalQty}</td>
    <td class="num">${item.ReservedQty}</td>
    <td class="num">${item.OnOrder}</td>
    <td class="num${item.InventoryAvailableQty < 0 ? ' negative' : ''}">
      ${item.InventoryAvailableQty}
    </td>
  </tr>`
}

/** The list's content: filters, the table of this page and the pager. */
export function stockListView(data: StockListData): Html {
  const { filters } = data
  const warehouse = data.warehouses.find((w) => w.ID === filters.warehouse)
  const byWarehouse = filters.warehouse !== undefined
  const href = (page: number) =>
    `/console/stock${queryString({ q: filters.q, warehouse: filters.warehouse, page })}`
  const caption = byWarehouse
    ? `Products stocked in ${warehouse?.Name ?? `warehouse ${filters.warehouse}`}`
    : 'Products'
  return html`<h1>Stock</h1>
    ${filtersForm(data)}
    ${data.problem === undefined ? '' : html`<div class="alert error" role="alert">${data.problem}</div>`}
    ${
      data.items.length === 0
        ? html`<p class="muted" id="stock-empty">No product matches.</p>`
        : html`<div class="table-wrap">
            <table id="stock-list">
              <caption>
                ${caption}
                <span class="muted">(totals over every warehouse)</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">SKU</th>
                  <th scope="col">Product</th>
                  ${byWarehouse ? html`<th scope="col" class="num">Physical here</th>` : ''}
                  <th scope="col" class="num">Physical</th>
                  <th scope="col" class="num">Reserved</th>
                  <th scope="col" class="num">On order</th>
                  <th scope="col" class="num">Available</th>
                </tr>
              </thead>
              <tbody>
                ${data.items.map((item) => row(item, byWarehouse))}
              </tbody>
            </table>
          </div>`
    }
    ${pager('Stock pages', filters.page, data.pageSize, data.total, href)}`
}
