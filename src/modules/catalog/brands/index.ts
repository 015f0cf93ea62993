// The face of the brands module.
export { registerBrandRoutes } from './brands.routes.ts'
export { listBrands, type Brand } from './brands.service.ts'
// Reference-data writes of fixtures.
export { upsertBrand } from './brands.repository.ts'
export { BrandList } from './brands.schemas.ts'
