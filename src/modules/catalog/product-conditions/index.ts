// The face of the product-conditions module.
export { registerProductConditionRoutes } from './product-conditions.routes.ts'
export {
  getProductCondition,
  listProductConditions,
  type ProductCondition,
} from './product-conditions.service.ts'
// Reference-data writes of fixtures.
export { upsertProductCondition } from './product-conditions.repository.ts'
export {
  AmazonCondition,
  BuyComCondition,
  EbayCondition,
  NewEggCondition,
  ProductConditionInHouse,
  ProductConditionList,
  SearsCondition,
} from './product-conditions.schemas.ts'
