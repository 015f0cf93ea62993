import { html, type Html } from './html.ts'
import { ledgerTable, type LedgerLine } from './stock-ledger.view.ts'
import { pager, stockHref, type StockItem, type WarehouseOption } from './stock.view.ts'

// One product's stock (`/console/stock/:sku`): its totals, its figures per warehouse, and the
// ledger of its movements.

/** GET /rest/api/Inventory/{productID}/Warehouses's item. */
export interface WarehouseStock {
  WarehouseID: number
  PhysicalQty: number
  AvailableQty: number
}

/**
 * The units open orders reserve in a warehouse, from its physical and available units (the API's
 * available = physical in a sellable warehouse − reserved). A kit holds no stock: null.
 */
export function reservedIn(
  stock: WarehouseStock,
  sellable: boolean,
  isKit: boolean,
): number | null {
  return isKit ? null : (sellable ? stock.PhysicalQty : 0) - stock.AvailableQty
}

export interface StockDetailData {
  product: StockItem
  perWarehouse: readonly WarehouseStock[]
  warehouses: readonly WarehouseOption[]
  ledger: readonly LedgerLine[]
  ledgerPage: number
  ledgerPageSize: number
  ledgerTotal: number
  userNames: ReadonlyMap<number, string>
}

function totals(p: StockItem): Html {
  const stat = (id: string, label: string, value: number) =>
    html`<div>
      <dt>${label}</dt>
      <dd id="${id}">${value}</dd>
    </div>`
  return html`<dl class="stats" aria-label="Totals over every warehouse">
    ${stat('total-physical', 'Physical', p.PhysicalQty)}
    ${stat('total-reserved', 'Reserved', p.ReservedQty)}
    ${stat('total-on-order', 'On order', p.OnOrder)}
    ${stat('total-available', 'Available', p.InventoryAvailableQty)}
  </dl>`
}

function warehouseTable(data: StockDetailData): Html {
  const byId = new Map(data.warehouses.map((w) => [w.ID, w]))
  const isKit = data.product.IsKit === true
  return html`<div class="table-wrap">
    <table id="stock-warehouses" aria-labelledby="per-warehouse">
      <thead>
        <tr>
          <th scope="col">Warehouse</th>
          <th scope="col">Sellable</th>
          <th scope="col" class="num">Physical</th>
          <th scope="col" class="num">Reserved</th>
          <th scope="col" class="num">Available</th>
        </tr>
      </thead>
      <tbody>
        ${data.perWarehouse.map((w) => {
          const warehouse = byId.get(w.WarehouseID)
          const sellable = warehouse?.IsSellAble === true
          const reserved = reservedIn(w, sellable, isKit)
          return html`<tr data-warehouse="${w.WarehouseID}">
            <th scope="row">${warehouse?.Name ?? `Warehouse ${w.WarehouseID}`}</th>
            <td>${sellable ? 'yes' : 'no'}</td>
            <td class="num">${w.PhysicalQty}</td>
            <td class="num">${reserved ?? '—'}</td>
            <td class="num">${w.AvailableQty}</td>
          </tr>`
        })}
      </tbody>
    </table>
  </div>`
}

/** The product page's content. */
export function stockDetailView(data: StockDetailData): Html {
  const p = data.product
  const href = (page: number) => `${stockHref(p.ID)}?ledgerPage=${page}#ledger`
  return html`<p><a href="/console/stock">← Stock</a></p>
    <h1><span class="muted">Stock of</span> ${p.ID}</h1>
    <p>
      <span id="stock-product-name">${p.ProductName}</span>
      ${p.CompanyName === null || p.CompanyName === undefined ? '' : html`<span class="muted">· ${p.CompanyName}</span>`}
      ${p.IsKit === true ? html`<span class="badge">kit</span>` : ''}
    </p>
    ${totals(p)}
    <p class="muted">
      On order counts units on open purchase orders not yet received; available is physical in
      sellable warehouses minus reserved (negative when oversold).
    </p>
    <section aria-labelledby="per-warehouse">
      <h2 id="per-warehouse">Per warehouse</h2>
      ${warehouseTable(data)}
    </section>
    <section aria-labelledby="ledger">
      <h2 id="ledger" tabindex="-1">Ledger, newest first</h2>
      ${ledgerTable({
        lines: data.ledger,
        warehouseNames: new Map(data.warehouses.map((w) => [w.ID, w.Name])),
        userNames: data.userNames,
      })}
      ${pager('Ledger pages', data.ledgerPage, data.ledgerPageSize, data.ledgerTotal, href)}
    </section>`
}

/** The content when no product has this SKU. */
export function stockNotFoundView(sku: string): Html {
  return html`<p><a href="/console/stock">← Stock</a></p>
    <h1>Product not found</h1>
    <p>No product has the SKU <code>${sku}</code>.</p>`
}
