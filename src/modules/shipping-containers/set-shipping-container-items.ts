import type { WriteContext } from '../../db/context.ts'
import { canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { lockPurchaseOrder, type PurchaseOrder } from '../purchase-orders/index.ts'
import {
  containerUnitsByPoItem,
  setContainerItemQty,
  updateContainerRow,
} from './shipping-containers.repository.ts'
import type { ContainerItemsBody } from './shipping-containers.schemas.ts'
import type { ShippingContainerEvents } from './shipping-containers.events.ts'
import {
  assertContainersEnabled,
  assertContainerVisible,
  lockContainer,
} from './shipping-containers.service.ts'
import { planContainerItems } from './set-shipping-container-items.rules.ts'

/**
 * POST /ShippingContainers/{id}/Items: how POs join a container. Each item sets the units of one
 * PO item in the container (`QtyShipped`, 0 takes it out); a PO item's units in all containers
 * stay within its open units. The container and each PO named are locked (POs in ID order), so
 * two requests cannot put the same units in two containers. Announces `container.items-changed`.
 * @example await setShippingContainerItems(deps, user, 3, { Items: [{ POID: 7, POItemID: 31, QtyShipped: 10 }] })
 */
export async function setShippingContainerItems(
  ctx: WriteContext<ShippingContainerEvents>,
  user: AuthUser,
  id: number,
  body: ContainerItemsBody,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const container = await lockContainer(trx, id)
    assertContainerVisible(container, id, user)
    await assertContainersEnabled(trx, container.companyId)
    const pos = new Map<number, PurchaseOrder>()
    for (const poId of [...new Set(body.Items.map((i) => i.POID))].sort((a, b) => a - b)) {
      const po = await lockPurchaseOrder(trx, poId)
      // Another company's PO is answered as one that does not exist.
      if (po !== undefined && canAccessCompany(user, po.companyId)) {
        pos.set(poId, po)
      }
    }
    const totals = await containerUnitsByPoItem(
      trx,
      body.Items.map((i) => i.POItemID),
    )
    const elsewhere = new Map<number, number>()
    for (const [poItemId, units] of totals) {
      const here = container.items.find((c) => c.poItemId === poItemId)?.qty ?? 0
      elsewhere.set(poItemId, units - here)
    }
    const plan = planContainerItems(container, body, pos, elsewhere)
    if (plan.length === 0) {
      return
    }
    for (const p of plan) {
      await setContainerItemQty(trx, {
        containerId: id,
        poId: p.poId,
        poItemId: p.poItemId,
        sku: p.sku,
        qty: p.after,
      })
    }
    const now = isoNow(ctx.clock)
    await updateContainerRow(trx, id, {
      updated_on: now,
      updated_by: user.username,
      updated_by_id: user.id,
    })
    await ctx.events.emit(trx, 'container.items-changed', {
      id,
      companyId: container.companyId,
      items: plan,
      userId: user.id,
      now,
    })
  })
}
