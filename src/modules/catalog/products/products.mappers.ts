import type { Static } from 'typebox'
import { fromMinor } from '../../../shared/money.ts'
import { neutralOf } from '../../../wire/neutral.ts'
import { CatalogItem } from './products.catalog.schemas.ts'
import type { CatalogItem as CatalogEntry } from './products.service.ts'
import type { CatalogStock } from './products.routes.ts'
import type { ProductPrices } from './get-product-prices.ts'
import { ProductPricesDto } from './products.prices.schemas.ts'

// Domain → wire. The catalog item starts from `ProductCatalogDto`'s neutral value (0, false, null,
// []); only what Crossdock knows is set, plus the few keys whose Sellercloud value for a product
// without that feature is not the neutral one. Inventory keys carry the inventory module's figures.

/**
 * GET /Catalog's item (`ProductCatalogDto`).
 * @example const item = toCatalogItem({ product, company })
 */
export function toCatalogItem(
  { product: p, company }: CatalogEntry,
  stock?: CatalogStock,
  customColumns?: Static<typeof CatalogItem>['CustomColumns'],
): Static<typeof CatalogItem> {
  const sitePrice = fromMinor(p.sitePrice)
  return {
    ...neutralOf(CatalogItem),
    ...(stock === undefined ? {} : stockKeys(stock)),
    ID: p.sku,
    ProductName: p.name,
    CompanyID: p.companyId,
    CompanyName: company?.name ?? '',
    CompanyNameAbbreviation: company?.abbreviation ?? '',
    ProductType: p.productTypeName,
    UPC: p.upc,
    SiteCost: fromMinor(p.siteCost),
    SitePrice: sitePrice,
    // The list price set by PUT /Catalog/BasicInfo, else the catalog (site) price.
    ListPrice: p.listPrice === null ? sitePrice : fromMinor(p.listPrice),
    ShortDescription: p.shortDescription === '' ? null : p.shortDescription,
    LongDescription: p.longDescription === '' ? null : p.longDescription,
    ManufacturerSKU: p.manufacturerSku === '' ? null : p.manufacturerSku,
    ASIN: p.asin === '' ? null : p.asin,
    GTIN: p.gtin === '' ? null : p.gtin,
    WholeSalePrice: fromMinor(p.wholesalePrice),
    // Stored as total ounces; Sellercloud shows pounds plus remaining ounces.
    Weight: p.weightOz / 16,
    WeightLbs: Math.floor(p.weightOz / 16),
    WeightOz: p.weightOz % 16,
    Status: p.isActive ? 1 : 0,
    IsKit: p.isKit,
    // No shadows or matrix children: every product is its own main product.
    MainProductID: p.sku,
    FirstKitChild: p.components[0]?.sku ?? null,
    ManufacturerID: p.manufacturerId ?? 0,
    DropShipMode: 1, // ShipFromSite, the enum has no 0
    LastModifiedDate: p.lastModified,
    // Until inventory exists the aggregates are (re)computed with every change of the product.
    LastAggregateDate: p.lastModified,
    SiteCostVisible: true,
    WholeSalePriceVisible: true,
    LastCostVisible: true,
    ChildProducts: p.components.map((c) => ({
      ProductId: p.sku,
      ChildProductId: c.sku,
      PerKitQty: c.qty,
      ProductName: c.name,
    })),
    KitComponents: p.components.map((c) => ({ ProductID: c.sku, ProductName: c.name, Qty: c.qty })),
    // The product's custom columns (catalog/custom-columns, through the app root).
    CustomColumns: customColumns ?? [],
  }
}

/** The catalog item's inventory keys (the figures of GET /Inventory, docs/compat.md "Inventory"). */
function stockKeys(s: CatalogStock) {
  return {
    PhysicalQty: s.physical,
    AggregatePhysicalQty: s.physical,
    AggregateQty: s.sellable,
    AggregatedQty: s.sellable,
    AggregateNonSellableQty: s.nonSellable,
    ReservedQty: s.reserved,
    OrderReserveTotal: s.reserved,
    OnOrder: s.onOrder,
    InventoryAvailableQty: s.available,
    WarehousePhysicalQty: s.physical,
    WarehouseCount: s.warehouses.filter((w) => w.physical !== 0).length,
    AverageCost: s.averageCost === null ? 0 : fromMinor(s.averageCost),
  }
}

/**
 * GET /Catalog/Prices (`ProductPricesDto`): the site price and each channel with a price of its own.
 * @example const dto = toProductPricesDto(await getProductPrices(deps, user, 'WIDGET-RED'))
 */
export function toProductPricesDto({
  product,
  channels,
}: ProductPrices): Static<typeof ProductPricesDto> {
  return {
    SitePrice: fromMinor(product.sitePrice),
    ChannelsPrices: channels.map((c) => ({
      ChannelID: c.channel,
      Price: fromMinor(c.price),
      UseDefaultSitePrice: false,
    })),
  }
}
