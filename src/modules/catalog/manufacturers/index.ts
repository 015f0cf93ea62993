// The face of the manufacturers module.
export { registerManufacturerRoutes } from './manufacturers.routes.ts'
export { findManufacturer, listManufacturers, type Manufacturer } from './manufacturers.service.ts'
// Reference-data writes of fixtures.
export { upsertManufacturer } from './manufacturers.repository.ts'
export { ManufacturerList, ManufacturersQuery } from './manufacturers.schemas.ts'
