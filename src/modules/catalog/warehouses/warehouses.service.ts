import type { Database } from '../../../db/database.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import type { Page, PageRequest } from '../../../shared/page.ts'
import { findWarehouseRows, listWarehouses, type WarehouseFilter } from './warehouses.repository.ts'
import type { WarehouseRow } from './warehouses.table.ts'
import { cachedReadMany } from '../../../db/read-cache.ts'

/** Stored in Sellercloud's read-side address names (StreetLine1, PostalCode, CountryCode…). */
export type WarehouseAddress = Record<string, string>

export interface Warehouse {
  id: number
  name: string
  warehouseType: number
  isDefault: boolean
  isSellable: boolean
  enforceBins: boolean
  createdOn: string
  address: WarehouseAddress
}

export function warehouseRowToWarehouse(row: WarehouseRow): Warehouse {
  return {
    id: row.id,
    name: row.name,
    warehouseType: row.warehouse_type,
    isDefault: row.is_default === 1,
    isSellable: row.is_sellable === 1,
    enforceBins: row.enforce_bins === 1,
    createdOn: row.created_on,
    address: JSON.parse(row.address_json) as WarehouseAddress,
  }
}

/**
 * The default warehouse among `warehouses`: the lowest ID flagged default, else the lowest ID;
 * undefined when there is none. Stock without a warehouse of its own is counted there.
 */
export function defaultWarehouseOf(warehouses: Iterable<Warehouse>): number | undefined {
  let flagged: number | undefined
  let lowest: number | undefined
  for (const w of warehouses) {
    if (w.isDefault && (flagged === undefined || w.id < flagged)) {
      flagged = w.id
    }
    if (lowest === undefined || w.id < lowest) {
      lowest = w.id
    }
  }
  return flagged ?? lowest
}

/** The warehouses among `ids` that exist, by ID. */
export async function findWarehouses(db: Database, ids: number[]): Promise<Map<number, Warehouse>> {
  const byKey = await cachedReadMany(
    db,
    'warehouse',
    [...new Set(ids)].map(String),
    async (missing) => {
      const rows = await findWarehouseRows(db, missing.map(Number))
      return new Map(rows.map((row) => [String(row.id), warehouseRowToWarehouse(row)]))
    },
  )
  return new Map([...byKey].map(([key, warehouse]) => [Number(key), warehouse]))
}

export async function findWarehouse(db: Database, id: number): Promise<Warehouse | undefined> {
  return (await findWarehouses(db, [id])).get(id)
}

/**
 * GET /Warehouses/{id}: 404 when unknown. Warehouses are not company-scoped.
 * @example const warehouse = await getWarehouse(db, 1)
 */
export async function getWarehouse(db: Database, id: number): Promise<Warehouse> {
  const warehouse = await findWarehouse(db, id)
  if (warehouse === undefined) {
    throw new NotFoundError('WAREHOUSE_NOT_FOUND', `Warehouse ${id} was not found.`)
  }
  return warehouse
}

/**
 * GET /Warehouses: filtered and paged; pass `page` null for every match (admin listing).
 * @example const page = await searchWarehouses(db, { isSellable: true }, { pageNumber: 1, pageSize: 50 })
 */
export async function searchWarehouses(
  db: Database,
  filter: Partial<WarehouseFilter>,
  page: PageRequest | null,
): Promise<Page<Warehouse>> {
  const { rows, total } = await listWarehouses(
    db,
    {
      ids: filter.ids,
      warehouseType: filter.warehouseType,
      name: filter.name,
      isDefault: filter.isDefault,
      isSellable: filter.isSellable,
    },
    page,
  )
  return { items: rows.map(warehouseRowToWarehouse), totalResults: total }
}

export interface WireWarehouseAddress {
  Address: string
  Address2: string
  FirstName: string
  LastName: string
  MiddleName: string
  ContactName: string
  Business: string
  City: string
  State: string
  Region: string
  ZipCode: string
  Country: string
  Phone: string
  Fax: string
}

/**
 * The address in Sellercloud's write-side names (Address, ZipCode, State, Country…), which the
 * warehouse DTOs use. Either naming may be stored; the read-side name wins when both are.
 */
export function warehouseAddressForWire(address: WarehouseAddress): WireWarehouseAddress {
  const pickOf = (...keys: string[]) =>
    keys.map((k) => address[k]).find((v) => v !== undefined) ?? ''
  return {
    Address: pickOf('StreetLine1', 'Address'),
    Address2: pickOf('StreetLine2', 'Address2'),
    FirstName: pickOf('FirstName'),
    LastName: pickOf('LastName'),
    MiddleName: pickOf('MiddleName', 'MiddleInitial'),
    ContactName: pickOf('ContactName'),
    Business: pickOf('CompanyName', 'Business'),
    City: pickOf('City'),
    State: pickOf('StateCode', 'State', 'StateName'),
    Region: pickOf('Region'),
    ZipCode: pickOf('PostalCode', 'ZipCode'),
    Country: pickOf('CountryCode', 'Country', 'CountryName'),
    Phone: pickOf('PhoneNumber', 'Phone'),
    Fax: pickOf('Fax', 'FaxNumber'),
  }
}
