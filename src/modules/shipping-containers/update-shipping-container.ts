import type { WriteContext } from '../../db/context.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { assertWarehouse } from './create-shipping-container.ts'
import { updateContainerRow } from './shipping-containers.repository.ts'
import type { UpdateContainerBody } from './shipping-containers.schemas.ts'
import type { ShippingContainerEvents } from './shipping-containers.events.ts'
import {
  assertContainersEnabled,
  assertContainerVisible,
  lockContainer,
} from './shipping-containers.service.ts'
import { planContainerUpdate } from './update-shipping-container.rules.ts'

/**
 * PUT /ShippingContainers/{id}: `GeneralDetails` fields, null = unchanged. A change stamps the
 * container and announces `container.updated`; a request that changes nothing writes nothing.
 * @example await updateShippingContainer(deps, user, 3, { GeneralDetails: { ShippingStatus: 2 } })
 */
export async function updateShippingContainer(
  ctx: WriteContext<ShippingContainerEvents>,
  user: AuthUser,
  id: number,
  body: UpdateContainerBody,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const container = await lockContainer(trx, id)
    assertContainerVisible(container, id, user)
    await assertContainersEnabled(trx, container.companyId)
    const { update, changed } = planContainerUpdate(container, body)
    if (update.receiving_warehouse_id != null) {
      await assertWarehouse(
        trx,
        update.receiving_warehouse_id,
        'GeneralDetails.ReceivingWarehouseID',
      )
    }
    if (changed.length === 0) {
      return
    }
    const now = isoNow(ctx.clock)
    await updateContainerRow(trx, id, {
      ...update,
      updated_on: now,
      updated_by: user.username,
      updated_by_id: user.id,
    })
    await ctx.events.emit(trx, 'container.updated', {
      id,
      companyId: container.companyId,
      name: update.container_name ?? container.name,
      changed,
      userId: user.id,
      now,
    })
  })
}
