// The face of the variations module (Sellercloud's n-Matrix: dimensions, parents and children).
export { registerVariationRoutes } from './variations.routes.ts'
export {
  getProductVariation,
  listVariationDimensions,
  type ProductVariation,
  type VariationDimension,
} from './variations.service.ts'
// The fixtures sections VariationDimensions and Variations (admin's fixtures).
export {
  checkVariationFixtures,
  writeVariationFixtures,
  type DimensionFixture,
  type VariationFixture,
} from './variations.fixtures.ts'
export {
  MatrixWithImagesResponse,
  VariationDimensionList,
  VariationDimensionsQuery,
  VariationQuery,
} from './variations.schemas.ts'
