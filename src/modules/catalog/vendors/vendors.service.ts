import type { Database } from '../../../db/database.ts'
import type { VendorRow } from './vendors.table.ts'

export interface Vendor {
  id: number
  name: string
  email: string
  emailCc: string
  alias: string
  accountNumber: string
  website: string
  isDefault: boolean
  isActive: boolean
}

export function vendorRowToVendor(row: VendorRow): Vendor {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    emailCc: row.email_cc,
    alias: row.alias,
    accountNumber: row.account_number,
    website: row.website,
    isDefault: row.is_default === 1,
    isActive: row.is_active === 1,
  }
}

/** The vendor, or undefined. For validating IDs inside request bodies (a 400, not a 404). */
export async function findVendor(db: Database, id: number): Promise<Vendor | undefined> {
  const row = await db.selectFrom('vendor').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : vendorRowToVendor(row)
}
