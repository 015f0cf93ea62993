import { RuleViolationError } from '../../shared/errors.ts'
import { PoReceivingStatus } from './purchase-orders.enums.ts'
import type { PurchaseOrder } from './purchase-orders.types.ts'

// Pure rules of deleting a PO: no I/O, unit-tested in delete-purchase-order.rules.test.ts.
// (A PO linked to a sales order is refused by the crossdock flow, which owns the links.)

/** A PO can be deleted until anything on it is received (Sellercloud help, "Delete a PO"). */
export function assertPoCanBeDeleted(
  po: Pick<PurchaseOrder, 'id' | 'receivingStatus' | 'received' | 'lines'>,
): void {
  const received = po.lines.reduce((sum, line) => sum + line.qtyReceived, 0)
  if (received > 0 || po.receivingStatus !== PoReceivingStatus.None || po.received !== null) {
    throw new RuleViolationError(
      null,
      `Purchase order ${po.id} has received units (${received}) and cannot be deleted.`,
    )
  }
}
