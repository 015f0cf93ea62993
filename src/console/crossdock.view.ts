// The crossdock section's pure rules: the link graph of an order or a PO, drawn from the API's
// answers (the admin link lines, GET /Orders/{id}, GET /PurchaseOrders/{id}), and what is still to
// receive before a linked order is released.

/** One line of GET /admin/crossdock/links. */
export interface LinkLine {
  LinkID: number
  OrderID: number
  OrderItemID: number
  OrderItemQty: number
  PurchaseOrderID: number
  PurchaseOrderItemID: number
  ProductID: string
  Qty: number
}

/** What the view reads of a PO in GET /PurchaseOrders?pOIds= (one call for every linked PO). */
export interface PoAnswer {
  ID: number
  ReceivingStatus?: number
  Items?: Array<{ ID: number; SKU: string; QtyOrdered: number; QtyReceived: number }>
}

/** What the view reads of GET /Orders/{id}. */
export interface OrderAnswer {
  Statuses?: { DropshipStatus?: number }
  OrderItems?: Array<{
    ID: number
    ProductID: string
    Qty: number
    LinkedPurchaseOrderIDs?: number[]
  }>
}

export const PO_FULLY_RECEIVED = 2
export const DROPSHIP_PENDING = 1

/** One PO line an order is linked to: who links it, how much, and what is still to come. */
export interface GraphRow {
  orderId: number
  /** The order items (and SKU) linked to this PO line, with their linked PO units. */
  items: Array<{ orderItemId: number; qty: number }>
  poId: number
  poItemId: number
  sku: string
  linked: number
  /** null when the PO could not be read. */
  received: number | null
  stillToReceive: number | null
}

/**
 * What the PO line still has to receive: its ordered units less those received (never below 0).
 * The line is the order's own (PO lines carry one RelatedOrderID), so this is what the order waits for.
 */
export function stillToReceive(line: { QtyOrdered: number; QtyReceived: number }): number {
  return Math.max(0, line.QtyOrdered - line.QtyReceived)
}

/** The link lines grouped per order and PO line (a line linked twice sums), in link order. */
export function graphRows(
  links: readonly LinkLine[],
  pos: ReadonlyMap<number, PoAnswer>,
): GraphRow[] {
  const rows = new Map<string, GraphRow>()
  for (const link of links) {
    const key = `${link.OrderID}:${link.PurchaseOrderID}:${link.PurchaseOrderItemID}`
    let row = rows.get(key)
    if (row === undefined) {
      const line = pos
        .get(link.PurchaseOrderID)
        ?.Items?.find((i) => i.ID === link.PurchaseOrderItemID)
      row = {
        orderId: link.OrderID,
        items: [],
        poId: link.PurchaseOrderID,
        poItemId: link.PurchaseOrderItemID,
        sku: line?.SKU ?? link.ProductID,
        linked: 0,
        received: line === undefined ? null : line.QtyReceived,
        stillToReceive: line === undefined ? null : stillToReceive(line),
      }
      rows.set(key, row)
    }
    row.linked += link.Qty
    const item = row.items.find((i) => i.orderItemId === link.OrderItemID)
    if (item === undefined) {
      row.items.push({ orderItemId: link.OrderItemID, qty: link.Qty })
    } else {
      item.qty += link.Qty
    }
  }
  return [...rows.values()]
}

/** The distinct values of `pick` over the link lines, in first-seen order, at most `limit`. */
export function distinctIds(
  links: readonly LinkLine[],
  pick: (link: LinkLine) => number,
  limit: number,
): number[] {
  return [...new Set(links.map(pick))].slice(0, limit)
}

export type ReleaseState =
  | { kind: 'not-linked' }
  | { kind: 'released'; dropshipStatus: number }
  | { kind: 'waiting'; poIds: number[]; unitsLeft: number }

/**
 * Whether a linked order is released: DropshipStatus Pending means it waits, on the linked POs not
 * yet fully received (the release rule: every linked PO received in full); any other status means
 * crossdock no longer holds it. `unitsLeft` counts what those POs still have to receive, all lines.
 */
export function releaseState(
  order: OrderAnswer,
  poIds: readonly number[],
  pos: ReadonlyMap<number, PoAnswer>,
): ReleaseState {
  if (poIds.length === 0) {
    return { kind: 'not-linked' }
  }
  const status = order.Statuses?.DropshipStatus ?? 0
  if (status !== DROPSHIP_PENDING) {
    return { kind: 'released', dropshipStatus: status }
  }
  const open = poIds.filter((id) => pos.get(id)?.ReceivingStatus !== PO_FULLY_RECEIVED)
  const unitsLeft = open
    .flatMap((id) => pos.get(id)?.Items ?? [])
    .reduce((sum, line) => sum + stillToReceive(line), 0)
  return { kind: 'waiting', poIds: open, unitsLeft }
}

const DROPSHIP_NAMES = [
  'None',
  'Pending',
  'Requested',
  'Acknowledged',
  'Processed',
  'PartialProcessed',
  'Cancelled',
  'Invalid',
]

/** DropshipStatus by name (the API answers the integer). */
export function dropshipName(status: number): string {
  return DROPSHIP_NAMES[status] ?? String(status)
}

/** What a capped read leaves out, in words (null when nothing was left out). */
export function capNote(ids: readonly number[], limit: number, noun: string): string | null {
  const count = new Set(ids).size
  return count > limit ? `Figures for the first ${limit} of ${count} ${noun} only.` : null
}
