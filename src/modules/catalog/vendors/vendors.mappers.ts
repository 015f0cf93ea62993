import type { Static } from 'typebox'
import { fromMinor } from '../../../shared/money.ts'
import { neutralOf } from '../../../wire/neutral.ts'
import type { VendorProductView } from './list-vendor-products.ts'
import { VendorProductDto } from './vendors.schemas.ts'

/** VendorProductDto: every key present; a product added without a price shows 0. */
export function toVendorProductDto(view: VendorProductView): Static<typeof VendorProductDto> {
  const vp = view.vendorProduct
  return {
    ...neutralOf(VendorProductDto),
    ProductSKU: vp.sku,
    VendorID: vp.vendorId,
    Price: vp.hasPrice ? fromMinor(vp.price) : 0,
    VendorSKU: vp.vendorSku,
    IsAvailable: vp.isAvailable,
    DateModified: vp.dateModified,
    Notes: vp.notes,
    PricePerCase: fromMinor(vp.pricePerCase),
    ProductName: view.productName,
    QtyPerCase: vp.qtyPerCase,
    Qty: vp.qty,
  }
}
