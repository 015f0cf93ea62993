import type { Database } from '../../db/database.ts'
import { RuleViolationError } from '../../shared/errors.ts'
import type { PoDeleted } from '../../modules/purchase-orders/index.ts'
import { findOrderIdsLinkedToPo } from './crossdock-links.repository.ts'

// The crossdock flow's guard on PO deletion: "A PO linked to a drop-shipped order cannot be
// deleted" (Sellercloud help). The links are this flow's, so the refusal is too.

/** `po.deleted` subscriber: refuses (400, rolling the delete back) while any order is linked. */
export async function guardLinkedPoDelete(trx: Database, po: PoDeleted): Promise<void> {
  const orderIds = await findOrderIdsLinkedToPo(trx, po.id)
  if (orderIds.length > 0) {
    const list = [...orderIds].sort((a, b) => a - b).join(', ')
    throw new RuleViolationError(
      null,
      `Purchase order ${po.id} is linked to sales order(s) ${list} and cannot be deleted; unlink the orders first.`,
    )
  }
}
