import type { Database } from '../../../db/database.ts'
import { cachedRead } from '../../../db/read-cache.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import type { Page, PageRequest } from '../../../shared/page.ts'
import {
  findVendorById,
  findVendorSkuRows,
  listAllVendors,
  listVendors,
  type VendorFilter,
} from './vendors.repository.ts'
import type { NewVendorProductRow, VendorProductRow, VendorRow } from './vendors.table.ts'
import type { VendorProduct } from './vendors.types.ts'

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
  return cachedRead(db, `vendor:${id}`, async () => {
    const row = await findVendorById(db, id)
    return row === undefined ? undefined : vendorRowToVendor(row)
  })
}

/**
 * GET /Vendors/{id}: 404 when unknown. Vendors are not company-scoped, so every user sees them.
 * @example const vendor = await getVendor(db, 2)
 */
export async function getVendor(db: Database, id: number): Promise<Vendor> {
  const vendor = await findVendor(db, id)
  if (vendor === undefined) {
    throw new NotFoundError('VENDOR_NOT_FOUND', `Vendor ${id} was not found.`)
  }
  return vendor
}

/**
 * GET /Vendors: filtered and paged.
 * @example const page = await searchVendors(db, { ids: [1, 2] }, { pageNumber: 1, pageSize: 50 })
 */
export async function searchVendors(
  db: Database,
  filter: Partial<VendorFilter>,
  page: PageRequest,
): Promise<Page<Vendor>> {
  const { rows, total } = await listVendors(
    db,
    {
      ids: filter.ids,
      names: filter.names,
      email: filter.email,
      isActive: filter.isActive,
    },
    page,
  )
  return { items: rows.map(vendorRowToVendor), totalResults: total }
}

/** Every vendor, by ID (admin listing). */
export async function listAllVendorsView(db: Database): Promise<Vendor[]> {
  return (await listAllVendors(db)).map(vendorRowToVendor)
}

export function vendorProductRowToVendorProduct(row: VendorProductRow): VendorProduct {
  return {
    vendorId: row.vendor_id,
    sku: row.sku,
    price: row.price,
    hasPrice: row.has_price === 1,
    vendorSku: row.vendor_sku,
    isAvailable: row.is_available === 1,
    notes: row.notes,
    pricePerCase: row.price_per_case,
    qtyPerCase: row.qty_per_case,
    qty: row.qty,
    dateModified: row.date_modified,
  }
}

/** The columns of a vendor product but its key. */
export function vendorProductToRow(
  vp: VendorProduct,
): Omit<NewVendorProductRow, 'vendor_id' | 'sku'> {
  return {
    price: vp.price,
    has_price: vp.hasPrice ? 1 : 0,
    vendor_sku: vp.vendorSku,
    is_available: vp.isAvailable ? 1 : 0,
    notes: vp.notes,
    price_per_case: vp.pricePerCase,
    qty_per_case: vp.qtyPerCase,
    qty: vp.qty,
    date_modified: vp.dateModified,
  }
}

/**
 * The vendor's own SKU for each of these stored SKUs that has one (a PO line keeps it when created).
 * @example const vendorSkus = await findVendorSkus(db, 1, ['WIDGET-RED']) // Map { 'WIDGET-RED' => 'AC-WR' }
 */
export async function findVendorSkus(
  db: Database,
  vendorId: number,
  skus: string[],
): Promise<Map<string, string>> {
  const rows = await findVendorSkuRows(db, vendorId, [...new Set(skus)])
  return new Map(rows.map((r) => [r.sku, r.vendor_sku]))
}
