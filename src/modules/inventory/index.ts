// The face of the inventory module (physical stock: ledger, balances, average cost).
export { registerInventoryWriteRoutes } from './inventory-writes.routes.ts'
export { moveStock, subscribeInventory, defaultWarehouseId } from './inventory.service.ts'
export { reserveOrderItems } from './reserve-for-order.ts'
export { findPhysicalQty, recordMovement, type StockMovement } from './inventory.repository.ts'
export type { InventoryChanged, InventoryEvents } from './inventory.events.ts'
export type { InventorySourceType } from './inventory.table.ts'
export {
  AdjustPhysicalInventoryRequest,
  SetPhysicalInventoryRequest,
} from './inventory.write.schemas.ts'
// The stock reads (GET /Inventory…, the admin ledger) and the figures the catalog and PO items show.
export {
  registerInventoryLedgerRoutes,
  registerInventoryReadRoutes,
} from './inventory-reads.routes.ts'
export {
  inventoryFigures,
  onHandFigures,
  physicalQtySkus,
  stockFigures,
  type StockFigures,
  type WarehouseFigures,
} from './list-inventory.ts'
export {
  InventoryDetailsDto,
  InventoryList,
  InventoryListQuery,
  InventoryWarehouseDto,
  LedgerPage,
  LedgerQuery,
  SingleWarehouseList,
  WarehouseInventoryList,
} from './inventory.read.schemas.ts'
