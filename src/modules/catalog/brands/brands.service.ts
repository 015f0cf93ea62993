import type { Database } from '../../../db/database.ts'
import { listBrandRows } from './brands.repository.ts'

export interface Brand {
  id: number
  name: string
}

/**
 * Every brand, by ID (GET /Settings/Brands). Brands are client-wide: every user sees all of them.
 * @example const brands = await listBrands(db)
 */
export function listBrands(db: Database): Promise<Brand[]> {
  return listBrandRows(db)
}
