import type { LinkLineRow } from './crossdock-unlink.repository.ts'

// Pure planning of taking an order off one PO (unlink-order.ts); unit-tested beside.

export interface UnlinkPlan {
  /** PO units to take off each PO line (only lines that lose units). */
  reductions: Array<{ lineId: number; units: number }>
  /** Per link: its order-item units before and after. */
  links: Array<{ linkId: number; orderItemId: number; before: number; after: number }>
  /**
   * Links that keep no PO units and go. A link of 0 order-item units (a kit component that filled
   * in a kit already counted) stays while it keeps received units.
   */
  gone: number[]
  /** Link-line rows whose PO units change, with the units they keep. */
  lines: Array<{ linkId: number; poItemId: number; sku: string; qty: number }>
}

/**
 * What taking an order off one PO changes. Per PO line, the order's linked units that are not
 * received yet go (never more than the line still expects); the received units stay linked,
 * kept by the oldest links first. A link keeps the order-item units its kept PO units cover
 * (rounded up, so a partly received kit still counts as linked); a link left with no PO units goes
 * (`gone`).
 * @example planUnlink(rows, new Map([[31, { qtyOrdered: 5, qtyReceived: 2 }]]))
 */
export function planUnlink(
  rows: LinkLineRow[],
  poLines: ReadonlyMap<number, { qtyOrdered: number; qtyReceived: number }>,
): UnlinkPlan {
  // Units each PO line may keep for this order: what it received, up to what the order linked.
  const linkedOnLine = new Map<number, number>()
  for (const r of rows) {
    if (r.poItemId !== null) {
      linkedOnLine.set(r.poItemId, (linkedOnLine.get(r.poItemId) ?? 0) + (r.lineQty ?? 0))
    }
  }
  const reductions: UnlinkPlan['reductions'] = []
  const keepLeft = new Map<number, number>()
  for (const [lineId, linked] of linkedOnLine) {
    const line = poLines.get(lineId)
    const unreceived = line === undefined ? 0 : Math.max(0, line.qtyOrdered - line.qtyReceived)
    // A line that is gone (or never existed) has nothing to take off; its links go.
    const remove = line === undefined ? 0 : Math.min(linked, unreceived)
    if (remove > 0) {
      reductions.push({ lineId, units: remove })
    }
    keepLeft.set(lineId, line === undefined ? 0 : linked - remove)
  }
  const byLink = new Map<number, LinkLineRow[]>()
  for (const r of rows) {
    byLink.set(r.linkId, [...(byLink.get(r.linkId) ?? []), r])
  }
  const links: UnlinkPlan['links'] = []
  const lines: UnlinkPlan['lines'] = []
  const gone: number[] = []
  for (const [linkId, linkRows] of byLink) {
    const first = linkRows[0]!
    let after = 0
    let keptUnits = 0
    for (const r of linkRows) {
      if (r.poItemId === null || r.sku === null || r.lineQty === null) {
        continue
      }
      const available = keepLeft.get(r.poItemId) ?? 0
      const kept = Math.min(available, r.lineQty)
      keepLeft.set(r.poItemId, available - kept)
      keptUnits += kept
      if (kept !== r.lineQty) {
        lines.push({ linkId, poItemId: r.poItemId, sku: r.sku, qty: kept })
      }
      if (kept > 0 && r.lineQty > 0) {
        after = Math.max(
          after,
          Math.min(first.linkQty, Math.ceil((kept * first.linkQty) / r.lineQty)),
        )
      }
    }
    links.push({ linkId, orderItemId: first.orderItemId, before: first.linkQty, after })
    if (keptUnits === 0) {
      gone.push(linkId)
    }
  }
  return { reductions, links, lines, gone }
}
