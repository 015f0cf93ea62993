import type { Database } from '../../db/database.ts'
import { visibleCompanyIds, type AuthUser } from '../../shared/auth-user.ts'
import type { PageRequest } from '../../shared/page.ts'
import { findPurchaseOrderIdsOfVendors } from '../purchase-orders/index.ts'
import { booleanSettingAcrossCompanies } from '../settings/index.ts'
import {
  containerRowToContainer,
  findContainerItemRows,
  listContainerRows,
} from './shipping-containers.repository.ts'
import type { ContainerListQueryType } from './shipping-containers.schemas.ts'
import { containersDisabled } from './shipping-containers.service.ts'
import type { ShippingContainer } from './shipping-containers.types.ts'

/**
 * GET /ShippingContainers: the containers of the user's companies where "Enable Shipping
 * Containers For PO" is on, newest first; 400 SETTING_DISABLED when it is on for none of them.
 * @example const page = await listShippingContainersForUser(db, user, { poIds: [7] }, { pageNumber: 1, pageSize: 10 })
 */
export async function listShippingContainersForUser(
  db: Database,
  user: AuthUser,
  q: ContainerListQueryType,
  page: PageRequest,
): Promise<{ items: ShippingContainer[]; totalResults: number }> {
  const companyIds = await enabledCompanyIds(db, visibleCompanyIds(user, undefined))
  let poIds = q.poIds !== undefined && q.poIds.length > 0 ? q.poIds : undefined
  if (q.vendorIds !== undefined && q.vendorIds.length > 0) {
    const ofVendors = await findPurchaseOrderIdsOfVendors(db, q.vendorIds)
    poIds = poIds === undefined ? ofVendors : poIds.filter((id) => ofVendors.includes(id))
  }
  const { rows, total } = await listContainerRows(
    db,
    {
      ...companyIds,
      ids: q.containerIds,
      names: q.containerNames?.map((n) => n.trim()),
      poIds,
      skus: q.productIds?.map((s) => s.trim()),
      warehouseIds: q.warehouseIds,
    },
    page,
  )
  const items = await findContainerItemRows(
    db,
    rows.map((r) => r.id),
  )
  return {
    items: rows.map((row) =>
      containerRowToContainer(
        row,
        items.filter((i) => i.container_id === row.id),
      ),
    ),
    totalResults: total,
  }
}

/** The visible companies with the setting on, as a list filter (null: every company but `exceptCompanyIds`). */
async function enabledCompanyIds(
  db: Database,
  visible: number[] | null,
): Promise<{ companyIds: number[] | null; exceptCompanyIds?: number[] }> {
  const { server, otherCompanyIds } = await booleanSettingAcrossCompanies(
    db,
    'EnableShippingContainers',
  )
  if (server) {
    const allowed = visible?.filter((id) => !otherCompanyIds.includes(id)) ?? null
    if (allowed !== null && allowed.length === 0) {
      throw containersDisabled()
    }
    return { companyIds: allowed, exceptCompanyIds: otherCompanyIds }
  }
  const allowed = visible?.filter((id) => otherCompanyIds.includes(id)) ?? otherCompanyIds
  if (allowed.length === 0) {
    throw containersDisabled()
  }
  return { companyIds: allowed }
}
