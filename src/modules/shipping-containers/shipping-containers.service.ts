import type { Transaction } from 'kysely'
import type { DB, Database } from '../../db/database.ts'
import { canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../shared/errors.ts'
import { getClientSettings } from '../settings/index.ts'
import {
  containerRowToContainer,
  findContainerItemRows,
  findContainerRow,
  lockContainerRow,
} from './shipping-containers.repository.ts'
import type { ShippingContainer } from './shipping-containers.types.ts'

// Reads and building blocks the container use cases share.

export const CONTAINER_SETTING = 'EnableShippingContainers'

export function containersDisabled(): RuleViolationError {
  return new RuleViolationError(
    null,
    `Shipping containers are disabled: enable the client setting 'Enable Shipping Containers For PO' (${CONTAINER_SETTING}).`,
    'SETTING_DISABLED',
  )
}

/** 400 SETTING_DISABLED unless "Enable Shipping Containers For PO" is on for the company. */
export async function assertContainersEnabled(db: Database, companyId: number): Promise<void> {
  if (!(await getClientSettings(db, companyId)).EnableShippingContainers) {
    throw containersDisabled()
  }
}

/** 404 when unknown, 403 when the user is limited to other companies. */
export function assertContainerVisible(
  container: ShippingContainer | undefined,
  id: number,
  user: AuthUser,
): asserts container is ShippingContainer {
  if (container === undefined) {
    throw new NotFoundError('CONTAINER_NOT_FOUND', `Shipping container ${id} was not found.`)
  }
  if (!canAccessCompany(user, container.companyId)) {
    throw new ForbiddenError(
      `User ${user.username} has no access to company ${container.companyId} (shipping container ${id}).`,
    )
  }
}

export async function findContainer(
  db: Database,
  id: number,
): Promise<ShippingContainer | undefined> {
  const row = await findContainerRow(db, id)
  return row === undefined
    ? undefined
    : containerRowToContainer(row, await findContainerItemRows(db, [id]))
}

/** Locks the container row for the rest of the transaction and reads it with its items. */
export async function lockContainer(
  trx: Transaction<DB>,
  id: number,
): Promise<ShippingContainer | undefined> {
  const row = await lockContainerRow(trx, id)
  return row === undefined
    ? undefined
    : containerRowToContainer(row, await findContainerItemRows(trx, [id]))
}

/**
 * The container for a read or change by this user: 404/403 first, then the setting of its company.
 * @example const c = await visibleContainer(db, user, 3)
 */
export async function visibleContainer(
  db: Database,
  user: AuthUser,
  id: number,
): Promise<ShippingContainer> {
  const container = await findContainer(db, id)
  assertContainerVisible(container, id, user)
  await assertContainersEnabled(db, container.companyId)
  return container
}
