import type { WriteContext } from '../../db/context.ts'
import type { Database } from '../../db/database.ts'
import { canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { ValidationError } from '../../shared/errors.ts'
import { findCompany, listCompaniesForUser } from '../catalog/companies/index.ts'
import { findWarehouse } from '../catalog/warehouses/index.ts'
import { insertContainerRow } from './shipping-containers.repository.ts'
import type { CreateContainerBody } from './shipping-containers.schemas.ts'
import type { ShippingContainerEvents } from './shipping-containers.events.ts'
import { assertContainersEnabled } from './shipping-containers.service.ts'

/**
 * POST /ShippingContainers: a new, empty container of the user's company (or `CompanyID`). Only
 * while "Enable Shipping Containers For PO" is on for that company. Announces `container.created`.
 * @example const id = await createShippingContainer(deps, user, { ContainerName: 'MSCU1234567' })
 */
export async function createShippingContainer(
  ctx: WriteContext<ShippingContainerEvents>,
  user: AuthUser,
  body: CreateContainerBody,
): Promise<number> {
  const name = body.ContainerName.trim()
  if (name === '') {
    throw ValidationError.field('ContainerName', 'ContainerName is required.')
  }
  const companyId = await containerCompany(ctx.db, user, body.CompanyID ?? null)
  await assertContainersEnabled(ctx.db, companyId)
  if (body.ReceivingWarehouseID != null) {
    await assertWarehouse(ctx.db, body.ReceivingWarehouseID, 'ReceivingWarehouseID')
  }
  const now = isoNow(ctx.clock)
  return ctx.db.transaction().execute(async (trx) => {
    const stamp = { on: now, by: user.username, byId: user.id }
    const id = await insertContainerRow(trx, {
      company_id: companyId,
      container_name: name,
      receiving_warehouse_id: body.ReceivingWarehouseID ?? null,
      shipping_status: body.ShippingStatus ?? null,
      shipped_on: body.ShippedOn ?? null,
      estimated_arrival: body.EstimatedArrivalDate ?? null,
      invoice_number: '',
      notes: '',
      created_on: stamp.on,
      created_by: stamp.by,
      created_by_id: stamp.byId,
      updated_on: stamp.on,
      updated_by: stamp.by,
      updated_by_id: stamp.byId,
    })
    await ctx.events.emit(trx, 'container.created', {
      id,
      companyId,
      name,
      changed: Object.keys(body),
      userId: user.id,
      now,
    })
    return id
  })
}

/** 400 naming the field when the warehouse does not exist. */
export async function assertWarehouse(db: Database, id: number, field: string): Promise<void> {
  if ((await findWarehouse(db, id)) === undefined) {
    throw ValidationError.field(field, `Warehouse ${id} was not found.`)
  }
}

/**
 * The company a new container belongs to: `CompanyID` when given (400 when unknown or not the
 * user's), else the user's first company, else the default company.
 */
async function containerCompany(
  db: Database,
  user: AuthUser,
  requested: number | null,
): Promise<number> {
  if (requested !== null) {
    if (!canAccessCompany(user, requested) || (await findCompany(db, requested)) === undefined) {
      throw ValidationError.field('CompanyID', `Company ${requested} was not found.`)
    }
    return requested
  }
  const { items } = await listCompaniesForUser(db, user, {}, { pageNumber: 1, pageSize: 50 })
  const company = items.find((c) => c.isDefault) ?? items[0]
  if (company === undefined) {
    throw ValidationError.field('CompanyID', 'No company is available for the container.')
  }
  return company.id
}
