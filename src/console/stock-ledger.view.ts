import { html, type Html } from './html.ts'

// A product's stock movements (GET /admin/inventory/ledger), newest first, with the physical units
// each left in its warehouse and a link to the order or PO it came from.

/** The admin ledger's entry (LedgerEntry in src/modules/inventory/inventory.read.schemas.ts). */
export interface LedgerEntry {
  ID: number
  ProductID: string
  WarehouseID: number
  Qty: number
  Reason: string
  SourceType: string
  SourceID: number | null
  UserID: number | null
  CreatedOn: string
}

/** A ledger entry with the physical units in its warehouse right after it (null: not known). */
export interface LedgerLine extends LedgerEntry {
  physicalAfter: number | null
}

const SOURCES: Record<string, { label: string; link?: (id: number) => string }> = {
  po_receipt: { label: 'PO receipt', link: (id) => `/console/purchase-orders/${id}` },
  order_shipment: { label: 'Order shipment', link: (id) => `/console/orders/${id}` },
  order_unshipment: { label: 'Order unshipment', link: (id) => `/console/orders/${id}` },
  adjustment: { label: 'Adjustment' },
  set: { label: 'Physical count' },
  fixture: { label: 'Fixture' },
}

/** The source's name, and the console page of the order or PO it names (when it names one). */
export function sourceOf(entry: Pick<LedgerEntry, 'SourceType' | 'SourceID'>): {
  label: string
  href: string | undefined
  id: number | null
} {
  const source = SOURCES[entry.SourceType]
  const id = entry.SourceID
  return {
    label: source?.label ?? entry.SourceType,
    href: source?.link === undefined || id === null ? undefined : source.link(id),
    id,
  }
}

/**
 * Each entry's physical units after it, walking back from today's balance per warehouse:
 * `entries` are the newest ones, newest first, with nothing newer left out. A warehouse with no
 * known balance gets null.
 */
export function withPhysicalAfter(
  entries: readonly LedgerEntry[],
  physicalNow: ReadonlyMap<number, number>,
): LedgerLine[] {
  const balance = new Map(physicalNow)
  return entries.map((entry) => {
    const after = balance.get(entry.WarehouseID)
    if (after !== undefined) {
      balance.set(entry.WarehouseID, after - entry.Qty)
    }
    return { ...entry, physicalAfter: after ?? null }
  })
}

/** An ISO instant as `YYYY-MM-DD HH:MM:SS` (UTC); anything else as it came. */
export function shownTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso)
  return match === null ? iso : `${match[1]} ${match[2]}`
}

/** Units with their sign: +5, −3, 0. */
export function signed(units: number): string {
  return units > 0 ? `+${units}` : units < 0 ? `−${-units}` : '0'
}

function sourceCell(entry: LedgerEntry): Html {
  const source = sourceOf(entry)
  return source.href === undefined
    ? html`${source.label}${source.id === null ? '' : ` ${source.id}`}`
    : html`<a href="${source.href}">${source.label} ${source.id}</a>`
}

export interface LedgerTableData {
  lines: readonly LedgerLine[]
  warehouseNames: ReadonlyMap<number, string>
  userNames: ReadonlyMap<number, string>
}

/** The ledger table (or a line saying the product never moved). */
export function ledgerTable(data: LedgerTableData): Html {
  if (data.lines.length === 0) {
    return html`<p class="muted" id="ledger-empty">No movement of this product yet.</p>`
  }
  const user = (id: number | null) =>
    id === null ? html`<span class="muted">system</span>` : (data.userNames.get(id) ?? `user ${id}`)
  return html`<div class="table-wrap">
    <table id="stock-ledger" aria-label="Movements, newest first">
      <thead>
        <tr>
          <th scope="col">Time (UTC)</th>
          <th scope="col">Warehouse</th>
          <th scope="col" class="num">Units</th>
          <th scope="col" class="num">Physical after</th>
          <th scope="col">Source</th>
          <th scope="col">Reason</th>
          <th scope="col">User</th>
        </tr>
      </thead>
      <tbody>
        ${data.lines.map(
          (line) =>
            html`<tr>
              <td><time datetime="${line.CreatedOn}">${shownTime(line.CreatedOn)}</time></td>
              <td>
                ${data.warehouseNames.get(line.WarehouseID) ?? `Warehouse ${line.WarehouseID}`}
              </td>
              <td class="num">${signed(line.Qty)}</td>
              <td class="num">${line.physicalAfter ?? '—'}</td>
              <td>${sourceCell(line)}</td>
              <td>${line.Reason}</td>
              <td>${user(line.UserID)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`
}
