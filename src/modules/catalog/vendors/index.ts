// The face of the vendors module.
export { registerVendorRoutes } from './vendors.routes.ts'
export {
  findVendor,
  findVendorSkus,
  getVendor,
  listAllVendorsView,
  type Vendor,
} from './vendors.service.ts'
export type { VendorProduct, VendorProductCatalog } from './vendors.types.ts'
export {
  findVendorPrices,
  upsertVendor,
  upsertVendorProduct,
  vendorProductSkuQuery,
} from './vendors.repository.ts'
export {
  ActiveStatus,
  AddVendorProductRequest,
  UpdateVendorProductRequest,
  UpdateVendorProductRequestV2,
  VendorDetails,
  VendorList,
  VendorListQuery,
  VendorProductDto,
  VendorProductList,
  VendorProductListQuery,
} from './vendors.schemas.ts'
