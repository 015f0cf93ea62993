import type { Transaction } from 'kysely'
import type { WriteContext } from '../../db/context.ts'
import type { DB } from '../../db/database.ts'
import { inTransaction } from '../../db/transaction.ts'
import { assertCompanyAccess, canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { NotFoundError, RuleViolationError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { findCompany } from '../../modules/catalog/companies/index.ts'
import { findUnitCosts } from '../../modules/catalog/products/index.ts'
import { findVendor, findVendorSkus } from '../../modules/catalog/vendors/index.ts'
import {
  DROPSHIP_STATUS,
  ORDER_STATUS,
  SHIPPING_STATUS,
  lockOrderForLinking,
  setOrderDropshipStatus,
  type LockedOrder,
} from '../../modules/orders/index.ts'
import {
  PoOrderType,
  PoStatus,
  PoType,
  actorOf,
  addOrIncreasePurchaseOrderLine,
  appendPurchaseOrderDescription,
  createPurchaseOrderHeader,
  lockPurchaseOrder,
  stampPurchaseOrderUpdate,
} from '../../modules/purchase-orders/index.ts'
import { getClientSettings } from '../../modules/settings/index.ts'
import {
  addToLinkCounters,
  addToSkuCounters,
  findLinkedQtyByItem,
  findLinkedUnitsBySku,
  insertLink,
  insertLinkLines,
} from './crossdock-links.repository.ts'
import type { CrossdockEvents, OrderLinked } from './crossdock.events.ts'
import { KIT_LEVEL_SETTING, planLink } from './crossdock.rules.ts'
import type { LinkToPoBodyType as LinkToPoInput } from './crossdock.schemas.ts'

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
    new ModelStateBuilder().add('NewPo', message).add('ExistingPo', message).throwIfAny()
  }
}

const FORCE_DATE_SETTING = 'ForceExpectedDeliveryDate'

async function createTargetPo(
  trx: Transaction<DB>,
  user: AuthUser,
  order: LockedOrder,
  target: { CompanyID: number; VendorID: number },
  now: string,
): Promise<{ id: number; vendorId: number }> {
  // Before the existence check, so that another company's existence is not revealed.
  assertCompanyAccess(user, target.CompanyID, `company ${target.CompanyID}`)
  const problems = new ModelStateBuilder()
  if ((await findCompany(trx, target.CompanyID)) === undefined) {
    problems.add('NewPo.CompanyID', `Company ${target.CompanyID} does not exist.`)
  }
  if ((await findVendor(trx, target.VendorID)) === undefined) {
    problems.add('NewPo.VendorID', `Vendor ${target.VendorID} does not exist.`)
  }
  problems.throwIfAny()
  // A PO of a company forcing the Expected Delivery Date takes the order's promise date, which a
  // linked order's PO is raised to meet (docs/compat.md "Crossdock: LinkToPo"); without one, 400.
  const forceDate = (await getClientSettings(trx, target.CompanyID))[FORCE_DATE_SETTING]
  if (forceDate && order.promiseDate === null) {
    throw new RuleViolationError(
      'NewPo',
      `Order ${order.id} has no PromiseDate, and client setting 'Force user to enter Expected Delivery Date' (${FORCE_DATE_SETTING}) requires an ExpectedDeliveryDate on the new purchase order: set the order's PromiseDate, or link to an ExistingPo.`,
    )
  }
  const id = await createPurchaseOrderHeader(trx, {
    companyId: target.CompanyID,
    vendorId: target.VendorID,
    poType: PoType.PurchaseOrder,
    orderType: PoOrderType.Regular,
    expectedDelivery: forceDate ? order.promiseDate : null,
    actor: actorOf(user),
    now,
  })
  return { id, vendorId: target.VendorID }
}

async function lockTargetPo(
  trx: Transaction<DB>,
  user: AuthUser,
  order: LockedOrder,
  poId: number,
): Promise<{ id: number; vendorId: number }> {
  const po = await lockPurchaseOrder(trx, poId)
  const field = 'ExistingPo.PoID'
  // A PO of a company the user cannot see is answered exactly as one that does not exist.
  if (po === undefined || !canAccessCompany(user, po.companyId)) {
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
 * are serialised and can never link more than was ordered. Announces `order.linked` in the same
 * transaction. Returns the PO ID.
 * @example const poId = await linkOrderToPo(deps, user, 1042, { NewPo: { CompanyID: 1, VendorID: 2 } })
 */
export async function linkOrderToPo(
  ctx: WriteContext<CrossdockEvents>,
  user: AuthUser,
  orderId: number,
  input: LinkToPoInput,
): Promise<number> {
  assertOneTarget(input)
  return inTransaction(ctx.db, async (trx) => {
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
    if (order.orderStatus === ORDER_STATUS.Canceled || order.orderStatus === ORDER_STATUS.Void) {
      const state = order.orderStatus === ORDER_STATUS.Void ? 'void' : 'cancelled'
      throw new RuleViolationError(
        null,
        `Order ${orderId} is ${state} and cannot be linked to a purchase order.`,
      )
    }
    // A linked order waits for its PO before it ships; one already (partly) shipped waits for nothing.
    if (
      order.shippingStatus === SHIPPING_STATUS.FullyShipped ||
      order.shippingStatus === SHIPPING_STATUS.PartiallyShipped
    ) {
      throw new RuleViolationError(
        null,
        `Order ${orderId} is already shipped and cannot be linked to a purchase order (unship it first).`,
      )
    }
    const plan = planLink(
      orderId,
      order.items,
      await findLinkedQtyByItem(trx, orderId),
      input.Items,
      settings[KIT_LEVEL_SETTING],
      await findLinkedUnitsBySku(trx, orderId),
    )

    const now = isoNow(ctx.clock)
    const po =
      input.NewPo != null
        ? await createTargetPo(trx, user, order, input.NewPo, now)
        : await lockTargetPo(trx, user, order, input.ExistingPo!.PoID)
    const planSkus = plan.flatMap((p) => p.lines.map((l) => l.sku))
    const costs = await findUnitCosts(trx, po.vendorId, planSkus)
    // A new PO line keeps the vendor's SKU (docs/compat.md, "Vendor products").
    const vendorSkus = await findVendorSkus(trx, po.vendorId, planSkus)

    const linked: OrderLinked['items'] = []
    for (const itemLink of plan) {
      const linkId = await insertLink(trx, {
        order_id: orderId,
        order_item_id: itemLink.orderItemId,
        po_id: po.id,
        qty: itemLink.qty,
        created_on: now,
        created_by_id: user.id,
      })
      await addToLinkCounters(trx, {
        orderId,
        orderItemId: itemLink.orderItemId,
        poId: po.id,
        qty: itemLink.qty,
      })
      const lines = []
      for (const line of itemLink.lines) {
        const { lineId } = await addOrIncreasePurchaseOrderLine(trx, po.id, {
          sku: line.sku,
          qty: line.qty,
          unitPrice: costs.get(line.sku) ?? 0,
          relatedOrderId: orderId,
          vendorSku: vendorSkus.get(line.sku) ?? '',
        })
        lines.push({ link_id: linkId, po_item_id: lineId, sku: line.sku, qty: line.qty })
      }
      await insertLinkLines(trx, lines)
      await addToSkuCounters(trx, orderId, itemLink.orderItemId, lines)
      linked.push({
        orderItemId: itemLink.orderItemId,
        qty: itemLink.qty,
        lines: lines.map((l) => ({ poItemId: l.po_item_id, sku: l.sku, qty: l.qty })),
      })
    }

    const lockedPo = await lockPurchaseOrder(trx, po.id)
    if (!new RegExp(`\\bOrder ${orderId}\\b`).test(lockedPo?.description ?? '')) {
      await appendPurchaseOrderDescription(trx, po.id, `Order ${orderId}`)
    }
    await stampPurchaseOrderUpdate(trx, po.id, actorOf(user), now)
    // Always: it also moves the order's LastUpdated (its items gained links), which
    // `lastUpdatedFrom` and `updatedFromDateRange` filter on.
    await setOrderDropshipStatus(trx, orderId, DROPSHIP_STATUS.Pending, now)
    await ctx.events.emit(trx, 'order.linked', {
      orderId,
      poId: po.id,
      companyId: order.companyId,
      createdPo: input.NewPo != null,
      items: linked,
      userId: user.id,
      now,
    })
    return po.id
  })
}
