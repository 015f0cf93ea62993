import type { ApiError } from './console-api.ts'
import { formValue, type FormBody } from './forms.ts'

// Receiving from the console: the POST /PurchaseOrders/{id}/receive body a form becomes, and which
// line each refused `Items[i]` of that body was (so the API's message shows beside its field). Pure.

/** A PO line as receiving needs it (from GET /PurchaseOrders/{id} `Items`). */
export interface ReceivableLine {
  ID: number
  ProductID?: string
  QtyOrdered?: number
  QtyReceived?: number
}

export interface ReceiveRequest {
  body: {
    Items: { ID: number; QtyToReceive: number | string }[]
    ReceiveInvoiceNumber?: string
  }
  /** PO line ID → its index in `body.Items`. */
  indexByLine: Map<number, number>
}

/** What a receive form showed and the API answered (for drawing it again after a refusal). */
export interface ReceiveState {
  /** PO line ID → the quantity typed. */
  values: ReadonlyMap<number, string>
  invoice: string
  error: ApiError | null
  indexByLine: ReadonlyMap<number, number>
}

export const EMPTY_RECEIVE: ReceiveState = {
  values: new Map(),
  invoice: '',
  error: null,
  indexByLine: new Map(),
}

/** The form's name of a line's quantity control. */
export const qtyName = (lineId: number) => `qty-${lineId}`

/** Units still to receive on a line (never negative). */
export function remainingOf(line: ReceivableLine): number {
  return Math.max(0, (line.QtyOrdered ?? 0) - (line.QtyReceived ?? 0))
}

/** A typed quantity as the API gets it: an integer as a number, anything else as typed. */
export function quantityOf(text: string): number | string {
  return /^[+-]?\d{1,10}$/.test(text) ? Number(text) : text
}

function request(
  entries: readonly (readonly [number, number | string])[],
  invoice: string,
): ReceiveRequest {
  return {
    body: {
      Items: entries.map(([ID, QtyToReceive]) => ({ ID, QtyToReceive })),
      ...(invoice === '' ? {} : { ReceiveInvoiceNumber: invoice }),
    },
    indexByLine: new Map(entries.map(([id], i) => [id, i])),
  }
}

/** The quantities typed per line (blank lines are left out), in the PO's line order. */
export function typedValues(form: FormBody, lines: readonly ReceivableLine[]): Map<number, string> {
  return new Map(lines.map((l) => [l.ID, formValue(form, qtyName(l.ID))] as const))
}

/** Receive what was typed on each line. */
export function receiveLinesRequest(
  values: ReadonlyMap<number, string>,
  invoice: string,
): ReceiveRequest {
  const entries = [...values]
    .filter(([, text]) => text !== '')
    .map(([id, text]) => [id, quantityOf(text)] as const)
  return request(entries, invoice)
}

/** Receive every unit still open on every line. */
export function receiveAllRequest(
  lines: readonly ReceivableLine[],
  invoice: string,
): ReceiveRequest {
  const entries = lines
    .filter((l) => remainingOf(l) > 0)
    .map((l) => [l.ID, remainingOf(l)] as const)
  return request(entries, invoice)
}

/** The ModelState keys of the request item at `index` (one line's messages). */
export function lineErrorKeys(index: number | undefined): string[] {
  if (index === undefined) {
    return []
  }
  return [
    `Items[${index}]`,
    ...['ID', 'QtyToReceive', 'CaseQtyToReceive', 'WarehouseId'].map((f) => `Items[${index}].${f}`),
  ]
}

/** Every key a line control shows (what the summary above the form leaves out). */
export function claimedReceiveKeys(state: ReceiveState): string[] {
  return [
    ...[...state.indexByLine.values()].flatMap((i) => lineErrorKeys(i)),
    'ReceiveInvoiceNumber',
  ]
}
