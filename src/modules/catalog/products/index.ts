// The face of the products (catalog) module.
export { registerProductRoutes } from './products.routes.ts'
export { registerProductPriceRoutes } from './products.prices.routes.ts'
export {
  ProductPricesDto,
  ProductPricesInput,
  UpdateBasicInfoRequest,
  UpdateProductPricesRequest,
} from './products.prices.schemas.ts'
export {
  findChannelPrices,
  findProduct,
  findProductsBySkus,
  findSkuIgnoringCase,
  findStockShapes,
  findUnitCosts,
  listCatalog,
  type CatalogFilter,
  type CatalogItem,
  type Product,
  type StockShape,
} from './products.service.ts'
// Reference-data writes of fixtures.
export { replaceKitComponents, upsertProduct } from './products.repository.ts'
// Changes outside the product's row move its LastModifiedDate: variations, vendor products
// (catalog/vendors, through the app root) and custom column values (catalog/custom-columns).
export { productSkusOfCompaniesQuery, touchProducts } from './products.repository.ts'
export { AddSingleProductModel, CatalogList, CatalogQuery } from './products.schemas.ts'
export { ProductBundleDto } from './products.catalog.schemas.ts'
// GET /Catalog's reading (query keys → filter → ProductCatalogDto page), shared with catalog/views.
export {
  catalogFilterOf,
  readCatalogPage,
  refuseUnsupportedFilters,
  type CatalogQueryFilter,
  type CatalogCustomColumnsOf,
  type CatalogReadDeps,
} from './read-catalog.ts'
