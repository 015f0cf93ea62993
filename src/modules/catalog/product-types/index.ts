// The face of the product-types module.
export { registerProductTypeRoutes } from './product-types.routes.ts'
export {
  checkProductTypeFixtures,
  ensureProductType,
  searchProductTypes,
  writeProductTypeFixtures,
  type ProductType,
  type ProductTypeFixture,
} from './product-types.service.ts'
export {
  ManageProductTypeDto,
  ProductTypeList,
  ProductTypesQuery,
} from './product-types.schemas.ts'
