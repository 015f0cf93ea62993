import type { VendorProduct, VendorProductChange } from './vendors.types.ts'

// Pure rules of the vendor-product writes (POST and PUT /Vendors/{vendorId}/products).

/** The state a vendor product gets: the change over what is stored, or over the defaults. */
export function mergeVendorProduct(
  vendorId: number,
  sku: string,
  before: VendorProduct | undefined,
  change: VendorProductChange,
  now: string,
): VendorProduct {
  const base: VendorProduct = before ?? {
    vendorId,
    sku,
    price: 0,
    hasPrice: false,
    vendorSku: '',
    // A vendor product is available until said otherwise (the column's default).
    isAvailable: true,
    notes: '',
    pricePerCase: 0,
    qtyPerCase: 0,
    qty: 0,
    dateModified: now,
  }
  const merged: VendorProduct = {
    ...base,
    price: change.price ?? base.price,
    hasPrice: base.hasPrice || change.price != null,
    vendorSku: change.vendorSku ?? base.vendorSku,
    isAvailable: change.isAvailable ?? base.isAvailable,
    notes: change.notes ?? base.notes,
    pricePerCase: change.pricePerCase ?? base.pricePerCase,
    qtyPerCase: change.qtyPerCase ?? base.qtyPerCase,
    qty: change.qty ?? base.qty,
  }
  return before === undefined || !sameVendorProduct(before, merged)
    ? { ...merged, dateModified: now }
    : before
}

/** Whether two states carry the same data (the change stamp aside). */
export function sameVendorProduct(a: VendorProduct, b: VendorProduct): boolean {
  return (
    a.price === b.price &&
    a.hasPrice === b.hasPrice &&
    a.vendorSku === b.vendorSku &&
    a.isAvailable === b.isAvailable &&
    a.notes === b.notes &&
    a.pricePerCase === b.pricePerCase &&
    a.qtyPerCase === b.qtyPerCase &&
    a.qty === b.qty
  )
}

/**
 * The index of an earlier entry naming the same product (stored SKUs, compared ignoring case), for
 * each entry that repeats one: a request lists each product once (docs/compat.md).
 * @example duplicateEntries(['A', 'b', 'a']) // Map { 2 => 0 }
 */
export function duplicateEntries(skus: string[]): Map<number, number> {
  const first = new Map<string, number>()
  const repeats = new Map<number, number>()
  skus.forEach((sku, i) => {
    const key = sku.toLowerCase()
    const earlier = first.get(key)
    if (earlier === undefined) {
      first.set(key, i)
    } else {
      repeats.set(i, earlier)
    }
  })
  return repeats
}
