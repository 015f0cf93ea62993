// The face of the warehouses module.
export { registerWarehouseRoutes } from './warehouses.routes.ts'
export {
  defaultWarehouseOf,
  findWarehouse,
  findWarehouses,
  getWarehouse,
  searchWarehouses,
  type Warehouse,
} from './warehouses.service.ts'
export { findDefaultWarehouseId, upsertWarehouse } from './warehouses.repository.ts'
export { WarehouseDetails, WarehouseList, WarehouseListQuery } from './warehouses.schemas.ts'
