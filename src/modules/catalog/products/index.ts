// The face of the products (catalog) module.
export { registerProductRoutes } from './products.routes.ts'
export {
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
export { AddSingleProductModel, CatalogList, CatalogQuery } from './products.schemas.ts'
export { ProductBundleDto } from './products.catalog.schemas.ts'
