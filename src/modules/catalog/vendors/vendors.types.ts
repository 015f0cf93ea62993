import type {
  findProductsBySkus,
  productSkusOfCompaniesQuery,
  touchProducts,
} from '../products/index.ts'

// Domain objects of the vendors module (camelCase; money in integer minor units). `Vendor` is in
// vendors.service.ts.

/** What a vendor charges for a product and how it sells it (VendorProductDto). */
export interface VendorProduct {
  vendorId: number
  /** The product's stored SKU. */
  sku: string
  /** Minor units; meaningful when `hasPrice`. */
  price: number
  /** false: added without a price, so POs take the product's site cost. */
  hasPrice: boolean
  vendorSku: string
  isAvailable: boolean
  notes: string
  /** Minor units. */
  pricePerCase: number
  qtyPerCase: number
  qty: number
  /** ISO-8601 `Z`. */
  dateModified: string
}

/** The fields a write sets; undefined or null: unchanged (for a new vendor product, its default). */
export interface VendorProductChange {
  /** Minor units. */
  price?: number | null
  vendorSku?: string | null
  isAvailable?: boolean | null
  notes?: string | null
  pricePerCase?: number | null
  qtyPerCase?: number | null
  qty?: number | null
}

/**
 * What the vendor-product routes need of the products module, handed over by the app root (the
 * products module reads vendor prices through this module's face, so this one does not import it).
 */
export interface VendorProductCatalog {
  findProductsBySkus: typeof findProductsBySkus
  touchProducts: typeof touchProducts
  productSkusOfCompaniesQuery: typeof productSkusOfCompaniesQuery
}
