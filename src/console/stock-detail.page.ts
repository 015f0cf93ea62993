import { succeeded, type ConsoleApi } from './console-api.ts'
import type { ConsoleContext, ConsoleResult } from './console-routes.ts'
import { queryString } from './html.ts'
import { page } from './layout.ts'
import { stockDetailView, stockNotFoundView, type WarehouseStock } from './stock-detail.view.ts'
import { withPhysicalAfter, type LedgerEntry, type LedgerLine } from './stock-ledger.view.ts'
import type { StockItem, WarehouseOption } from './stock.view.ts'

// `/console/stock/:sku`: one product's totals (GET /Inventory?inventoryID=), its figures per
// warehouse (GET /Inventory/{sku}/Warehouses) and its ledger (GET /admin/inventory/ledger).
// "Physical after" walks back from today's balance, so a ledger page reads every newer movement
// too: one call up to 200 of them, 200 a call up to LEDGER_WINDOW; past that it shows "—".

export const LEDGER_PAGE_SIZE = 25
const LEDGER_MAX_PAGE_SIZE = 200
const LEDGER_WINDOW = 1000

export interface ListBody<T> {
  Items?: T[]
  TotalResults?: number
}

/** Every warehouse (the API's largest page: 50), ordered by ID; none when the read fails. */
export async function readWarehouses(api: ConsoleApi): Promise<WarehouseOption[]> {
  const answer = await api.get<ListBody<WarehouseOption>>('/rest/api/Warehouses?pageSize=50')
  return succeeded(answer) ? (answer.body.Items ?? []) : []
}

async function readUserNames(api: ConsoleApi): Promise<Map<number, string>> {
  const answer = await api.get<ListBody<{ ID: number; Username: string }>>('/admin/users')
  return new Map(succeeded(answer) ? (answer.body.Items ?? []).map((u) => [u.ID, u.Username]) : [])
}

async function ledgerCall(api: ConsoleApi, sku: string, pageNumber: number, pageSize: number) {
  const answer = await api.get<ListBody<LedgerEntry>>(
    `/admin/inventory/ledger${queryString({ productID: sku, pageNumber, pageSize })}`,
  )
  return succeeded(answer) ? answer.body : { Items: [], TotalResults: 0 }
}

/** The entries of ledger page `pageNumber` and the total, with every newer entry when in reach. */
async function readLedger(
  api: ConsoleApi,
  sku: string,
  pageNumber: number,
): Promise<{ entries: LedgerEntry[]; total: number; skip: number; complete: boolean }> {
  const end = pageNumber * LEDGER_PAGE_SIZE
  if (end > LEDGER_WINDOW) {
    const one = await ledgerCall(api, sku, pageNumber, LEDGER_PAGE_SIZE)
    return { entries: one.Items ?? [], total: one.TotalResults ?? 0, skip: 0, complete: false }
  }
  const size = Math.min(end, LEDGER_MAX_PAGE_SIZE)
  const calls = Math.ceil(end / size)
  const answers = await Promise.all(
    Array.from({ length: calls }, (_, i) => ledgerCall(api, sku, i + 1, size)),
  )
  return {
    entries: answers.flatMap((a) => a.Items ?? []),
    total: answers[0]?.TotalResults ?? 0,
    skip: end - LEDGER_PAGE_SIZE,
    complete: true,
  }
}

function ledgerPageOf(query: Record<string, string>): number {
  const n = Number(query.ledgerPage)
  return Number.isInteger(n) && n > 1 ? Math.min(n, 1_000_000) : 1
}

export async function showStockDetail(ctx: ConsoleContext): Promise<ConsoleResult> {
  const sku = ctx.params.sku ?? ''
  const ledgerPage = ledgerPageOf(ctx.query)
  const [product, perWarehouse, warehouses, userNames, ledger] = await Promise.all([
    ctx.api.get<ListBody<StockItem>>(
      `/rest/api/Inventory${queryString({ inventoryID: sku, pageSize: 1 })}`,
    ),
    ctx.api.get<WarehouseStock[]>(`/rest/api/Inventory/${encodeURIComponent(sku)}/Warehouses`),
    readWarehouses(ctx.api),
    readUserNames(ctx.api),
    readLedger(ctx.api, sku, ledgerPage),
  ])
  const item = succeeded(product) ? product.body.Items?.[0] : undefined
  if (item === undefined) {
    ctx.reply.code(404)
    return page(
      { title: 'Product not found', section: 'stock', viewer: ctx.viewer },
      stockNotFoundView(sku),
    )
  }
  const stock = succeeded(perWarehouse) ? perWarehouse.body : []
  const lines: LedgerLine[] = ledger.complete
    ? withPhysicalAfter(
        ledger.entries,
        new Map(stock.map((w) => [w.WarehouseID, w.PhysicalQty])),
      ).slice(ledger.skip, ledger.skip + LEDGER_PAGE_SIZE)
    : ledger.entries.map((entry) => ({ ...entry, physicalAfter: null }))
  return page(
    { title: `Stock of ${item.ID}`, section: 'stock', viewer: ctx.viewer },
    stockDetailView({
      product: item,
      perWarehouse: stock,
      warehouses,
      ledger: lines,
      ledgerPage,
      ledgerPageSize: LEDGER_PAGE_SIZE,
      ledgerTotal: ledger.total,
      userNames,
    }),
  )
}
