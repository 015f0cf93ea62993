import type { Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { inTransaction } from '../../db/transaction.ts'
import { assertCompanyAccess, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow, type Clock } from '../../shared/clock.ts'
import { NotFoundError, RuleViolationError, ValidationError } from '../../shared/errors.ts'
import { findCompany } from '../catalog/companies/companies.service.ts'
import { findUnitCosts } from '../catalog/products/products.service.ts'
import { findVendor } from '../catalog/vendors/vendors.service.ts'
import { DROPSHIP_STATUS, ORDER_STATUS } from '../orders/orders.rules.ts'
import { lockOrderForLinking, setOrderDropshipStatus } from '../orders/orders.service.ts'
import type { LockedOrder } from '../orders/orders.types.ts'
import { addOrIncreasePurchaseOrderLine } from '../purchase-orders/po-lines.ts'
import {
  actorOf,
  appendPurchaseOrderDescription,
  createPurchaseOrderHeader,
  lockPurchaseOrder,
  stampPurchaseOrderUpdate,
} from '../purchase-orders/purchase-orders.service.ts'
import { PoOrderType, PoStatus, PoType } from '../purchase-orders/purchase-orders.types.ts'
import { getClientSettings } from '../settings/settings.service.ts'
import { insertLink, insertLinkLines, sumLinkedByItem } from './dropship-links.repository.ts'
import { KIT_LEVEL_SETTING, planLink, type LinkItemRequest } from './dropship.rules.ts'

export interface LinkToPoInput {
  NewPo?: { CompanyID: number; VendorID: number } | null
  ExistingPo?: { PoID: number } | null
  Items?: LinkItemRequest[] | null
}

const LINK_SETTING = 'EnableLinkingOrderToPO'
const CLOSED_PO_STATUSES: ReadonlyMap<number, string> = new Map([
  [PoStatus.Cancelled, 'Cancelled'],
  [PoStatus.Received, 'Received'],
  [PoStatus.Completed, 'Completed'],
])

function assertOneTarget(input: LinkToPoInput): void {
  const hasNew = input.NewPo != null
  const hasExisting = input.ExistingPo != null
  if (hasNew === hasExisting) {
    const message = hasNew
      ? 'Send either NewPo or ExistingPo, not both.'
      : 'Send NewPo (CompanyID and VendorID) to create a PO, or ExistingPo (PoID) to add to one.'
    throw new ValidationError({ 'model.NewPo': [message], 'model.ExistingPo': [message] })
  }
}

async function createTargetPo(
  trx: Transaction<DB>,
  user: AuthUser,
  target: { CompanyID: number; VendorID: number },
  now: string,
): Promise<{ id: number; vendorId: number }> {
  const errors: Record<string, string[]> = {}
  if ((await findCompany(trx, target.CompanyID)) === undefined) {
    errors['model.NewPo.CompanyID'] = [`Company ${target.CompanyID} does not exist.`]
  }
  if ((await findVendor(trx, target.VendorID)) === undefined) {
    errors['model.NewPo.VendorID'] = [`Vendor ${target.VendorID} does not exist.`]
  }
  if (Object.keys(errors).length > 0) {
    throw new ValidationError(errors)
  }
  assertCompanyAccess(user, target.CompanyID, `company ${target.CompanyID}`)
  const id = await createPurchaseOrderHeader(trx, {
    companyId: target.CompanyID,
    vendorId: target.VendorID,
    poType: PoType.PurchaseOrder,
    orderType: PoOrderType.Regular,
    actor: actorOf(user),
    now,
  })
  return { id, vendorId: target.VendorID }
}

async function lockTargetPo(
  trx: Transaction<DB>,
  order: LockedOrder,
  poId: number,
): Promise<{ id: number; vendorId: number }> {
  const po = await lockPurchaseOrder(trx, poId)
  const field = 'ExistingPo.PoID'
  if (po === undefined) {
    throw new RuleViolationError(field, `Purchase order ${poId} does not exist.`)
  }
  if (po.companyId !== order.companyId) {
    throw new RuleViolationError(
      field,
      `Purchase order ${poId} belongs to company ${po.companyId}, the order to company ${order.companyId}.`,
    )
  }
  const closed = CLOSED_PO_STATUSES.get(po.status)
  if (closed !== undefined) {
    throw new RuleViolationError(
      field,
      `Purchase order ${poId} is ${closed}; link to an open PO or create a new one.`,
    )
  }
  if (po.orderType === PoOrderType.DropShip) {
    throw new RuleViolationError(
      field,
      `Purchase order ${poId} is a DropShip PO; orders cannot be linked to an existing DropShip PO.`,
    )
  }
  return { id: po.id, vendorId: po.vendorId }
}

/**
 * POST /Orders/{orderID}/LinkToPo: adds the order's items (or the listed ones) to a new or an
 * existing PO, all or nothing. The order row is locked first, so concurrent links to the same order
 * are serialised and can never link more than was ordered. Returns the PO ID.
 * @example const poId = await linkOrderToPo(db, clock, user, 1042, { NewPo: { CompanyID: 1, VendorID: 2 } })
 */
export async function linkOrderToPo(
  db: Database,
  clock: Clock,
  user: AuthUser,
  orderId: number,
  input: LinkToPoInput,
): Promise<number> {
  assertOneTarget(input)
  return inTransaction(db, async (trx) => {
    const order = await lockOrderForLinking(trx, orderId)
    if (order === undefined) {
      throw new NotFoundError('ORDER_NOT_FOUND', `Order ${orderId} was not found.`)
    }
    assertCompanyAccess(user, order.companyId, `order ${orderId}`)
    const settings = await getClientSettings(trx, order.companyId)
    if (!settings.EnableLinkingOrderToPO) {
      throw new RuleViolationError(
        null,
        `Linking orders to purchase orders is disabled: enable the client setting ${LINK_SETTING}.`,
        'SETTING_DISABLED',
      )
    }
    if (order.orderStatus === ORDER_STATUS.Canceled) {
      throw new RuleViolationError(
        null,
        `Order ${orderId} is cancelled and cannot be linked to a purchase order.`,
      )
    }
    const plan = planLink(
      orderId,
      order.items,
      await sumLinkedByItem(trx, orderId),
      input.Items,
      settings[KIT_LEVEL_SETTING],
    )

    const now = isoNow(clock)
    const po =
      input.NewPo != null
        ? await createTargetPo(trx, user, input.NewPo, now)
        : await lockTargetPo(trx, order, input.ExistingPo!.PoID)
    const costs = await findUnitCosts(
      trx,
      po.vendorId,
      plan.flatMap((p) => p.lines.map((l) => l.sku)),
    )

    for (const itemLink of plan) {
      const linkId = await insertLink(trx, {
        order_id: orderId,
        order_item_id: itemLink.orderItemId,
        po_id: po.id,
        qty: itemLink.qty,
        created_on: now,
        created_by_id: user.id,
      })
      const lines = []
      for (const line of itemLink.lines) {
        const { lineId } = await addOrIncreasePurchaseOrderLine(trx, po.id, {
          sku: line.sku,
          qty: line.qty,
          unitPrice: costs.get(line.sku) ?? 0,
          relatedOrderId: orderId,
        })
        lines.push({ link_id: linkId, po_item_id: lineId, sku: line.sku, qty: line.qty })
      }
      await insertLinkLines(trx, lines)
    }

    const lockedPo = await lockPurchaseOrder(trx, po.id)
    if (!new RegExp(`\\bOrder ${orderId}\\b`).test(lockedPo?.description ?? '')) {
      await appendPurchaseOrderDescription(trx, po.id, `Order ${orderId}`)
    }
    await stampPurchaseOrderUpdate(trx, po.id, actorOf(user), now)
    if (order.dropshipStatus !== DROPSHIP_STATUS.Pending) {
      await setOrderDropshipStatus(trx, orderId, DROPSHIP_STATUS.Pending, now)
    }
    return po.id
  })
}
