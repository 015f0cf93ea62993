// The face of the vendors module.
export { registerVendorRoutes } from './vendors.routes.ts'
export { findVendor, getVendor, listAllVendorsView, type Vendor } from './vendors.service.ts'
export {
  findVendorPrices,
  upsertVendor,
  upsertVendorProduct,
  vendorProductSkuQuery,
} from './vendors.repository.ts'
export { ActiveStatus, VendorDetails, VendorList, VendorListQuery } from './vendors.schemas.ts'
