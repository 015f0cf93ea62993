import type { Database } from '../../../db/database.ts'
import { assertCompanyAccess, visibleCompanyIds, type AuthUser } from '../../../shared/auth-user.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import type { Page, PageRequest } from '../../../shared/page.ts'
import { findCompanyById, listCompanies } from './companies.repository.ts'
import type { CompanyRow } from './companies.table.ts'
import { cachedRead } from '../../../db/read-cache.ts'

export interface CompanyAddress {
  FirstName?: string
  LastName?: string
  Country?: string
  ZipCode?: string
  Region?: string
  State?: string
  City?: string
  Address?: string
  Address2?: string
  Fax?: string
  Phone?: string
}

export interface Company {
  id: number
  name: string
  abbreviation: string
  email: string
  website: string
  countryCode: string
  currencyCode: number
  isDefault: boolean
  isDisabled: boolean
  address: CompanyAddress
}

export function companyRowToCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    abbreviation: row.abbreviation,
    email: row.email,
    website: row.website,
    countryCode: row.country_code,
    currencyCode: row.currency_code,
    isDefault: row.is_default === 1,
    isDisabled: row.is_disabled === 1,
    address: JSON.parse(row.address_json) as CompanyAddress,
  }
}

/** The company, or undefined. For validating IDs inside request bodies (a 400, not a 404). */
export async function findCompany(db: Database, id: number): Promise<Company | undefined> {
  return cachedRead(db, `company:${id}`, async () => {
    const row = await findCompanyById(db, id)
    return row === undefined ? undefined : companyRowToCompany(row)
  })
}

/** The company; 404 when unknown. For an ID in the path. */
export async function getCompany(db: Database, id: number): Promise<Company> {
  const company = await findCompany(db, id)
  if (company === undefined) {
    throw new NotFoundError('COMPANY_NOT_FOUND', `Company ${id} was not found.`)
  }
  return company
}

/** GET /Companies/{id}: 404 when unknown, 403 when the user is limited to other companies. */
export async function getCompanyForUser(
  db: Database,
  user: AuthUser,
  id: number,
): Promise<Company> {
  const company = await getCompany(db, id)
  assertCompanyAccess(user, id, `company ${id}`)
  return company
}

export async function listCompaniesForUser(
  db: Database,
  user: AuthUser,
  filter: { ids?: number[]; keyword?: string },
  page: PageRequest,
): Promise<Page<Company>> {
  const { rows, total } = await listCompanies(
    db,
    { ids: visibleCompanyIds(user, filter.ids), keyword: filter.keyword },
    page,
  )
  return { items: rows.map(companyRowToCompany), totalResults: total }
}
