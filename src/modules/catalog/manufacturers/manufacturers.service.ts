import type { Database } from '../../../db/database.ts'
import { cachedRead } from '../../../db/read-cache.ts'
import { assertCompanyAccess, type AuthUser } from '../../../shared/auth-user.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { findCompany } from '../companies/index.ts'
import { findManufacturerById, listManufacturerRows } from './manufacturers.repository.ts'

export interface Manufacturer {
  id: number
  companyId: number
  name: string
}

/**
 * GET /Settings/Manufacturers?companyId=: the company's manufacturers by ID. 403 for a company the
 * user may not see (before anything else, so other companies' existence is not revealed); an
 * unknown company is a 400 naming `companyId`.
 * @example const list = await listManufacturers(db, user, 1)
 */
export async function listManufacturers(
  db: Database,
  user: AuthUser,
  companyId: number,
): Promise<Manufacturer[]> {
  assertCompanyAccess(user, companyId, 'its manufacturers')
  if ((await findCompany(db, companyId)) === undefined) {
    throw ValidationError.field('companyId', `Company ${companyId} does not exist.`)
  }
  const rows = await listManufacturerRows(db, companyId)
  return rows.map((r) => ({ id: r.id, companyId: r.company_id, name: r.name }))
}

/** The manufacturer, or undefined. For validating IDs inside request bodies (a 400, not a 404). */
export function findManufacturer(db: Database, id: number): Promise<Manufacturer | undefined> {
  return cachedRead(db, `manufacturer:${id}`, async () => {
    const row = await findManufacturerById(db, id)
    return row === undefined ? undefined : { id: row.id, companyId: row.company_id, name: row.name }
  })
}
