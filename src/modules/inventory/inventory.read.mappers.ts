import type { Static } from 'typebox'
import { fromMinor } from '../../shared/money.ts'
import { neutralOf } from '../../wire/neutral.ts'
import type { Product } from '../catalog/products/index.ts'
import type { Warehouse } from '../catalog/warehouses/index.ts'
import type { InventoryEntry, StockFigures } from './list-inventory.ts'
import {
  InventoryDetailsDto,
  ProductInventoryDto,
  type LedgerEntry,
} from './inventory.read.schemas.ts'
import type { InventoryLedgerRow } from './inventory.table.ts'

// Domain → wire for the inventory reads, each DTO starting from its neutral value.

/** The later of the product's own change and its last stock movement. */
function lastModified(product: Product, figures: StockFigures): string {
  const moved = figures.lastMovement
  return moved !== null && moved > product.lastModified ? moved : product.lastModified
}

/**
 * GET /Inventory's item. `warehouse`: the warehouse the list was filtered by (its name and
 * physical units fill WarehouseName / WarehousePhysicalQty); else those are null and the total.
 */
export function toProductInventory(
  { product: p, company, figures: f }: InventoryEntry,
  warehouse: Warehouse | undefined,
): Static<typeof ProductInventoryDto> {
  const inWarehouse = warehouse && f.warehouses.find((w) => w.warehouseId === warehouse.id)
  return {
    ...neutralOf(ProductInventoryDto),
    ID: p.sku,
    ProductName: p.name,
    CompanyID: p.companyId,
    CompanyName: company?.name ?? null,
    CompanyNameAbbreviation: company?.abbreviation ?? null,
    ProductType: p.productTypeName,
    UPC: p.upc,
    Weight: String(p.weightOz / 16),
    WeightLbs: Math.floor(p.weightOz / 16),
    WeightOz: p.weightOz % 16,
    AverageCost: f.averageCost === null ? 0 : fromMinor(f.averageCost),
    SiteCost: fromMinor(p.siteCost),
    SitePrice: fromMinor(p.sitePrice),
    WholeSalePrice: fromMinor(p.wholesalePrice),
    SiteCostVisible: true,
    WholeSalePriceVisible: true,
    LastCostVisible: true,
    PhysicalQty: f.physical,
    AggregateQty: f.sellable,
    AggregatedQty: f.sellable,
    AggregateNonSellableQty: f.nonSellable,
    ReservedQty: f.reserved,
    OrderReserveTotal: f.reserved,
    InventoryAvailableQty: f.available,
    OnOrder: f.onOrder,
    WarehouseBasedPhysicalAndReservedQty: warehouse !== undefined,
    WarehouseName: warehouse?.name ?? null,
    IsSellAble: warehouse?.isSellable ?? false,
    WarehousePhysicalQty: warehouse === undefined ? f.physical : (inWarehouse?.physical ?? 0),
    WarehouseCount: f.warehouses.filter((w) => w.physical !== 0).length,
    Status: p.isActive ? 1 : 0,
    IsKit: p.isKit,
    FirstKitChild: p.components[0]?.sku ?? null,
    CreationDate: p.createdOn,
    LastModifiedDate: lastModified(p, f),
    LastAggregateDate: lastModified(p, f),
    ChildProducts: p.components.map((c) => ({
      ProductId: p.sku,
      ChildProductId: c.sku,
      PerKitQty: c.qty,
      ProductName: c.name,
    })),
  }
}

/** GET /Inventory/Details. */
export function toInventoryDetails(
  p: Product,
  f: StockFigures,
): Static<typeof InventoryDetailsDto> {
  const neutral = neutralOf(InventoryDetailsDto)
  return {
    ...neutral,
    General: { ...neutral.General, ProductName: p.name, CompanyID: p.companyId },
    Identifiers: { ...neutral.Identifiers, MasterSku: p.sku, Upc: p.upc },
    Metrics: {
      ...neutral.Metrics,
      ProductWeights: { Pounds: Math.floor(p.weightOz / 16), Ounces: p.weightOz % 16 },
    },
    Inventory: {
      ...neutral.Inventory,
      AggregateQty: String(f.sellable),
      PhysicalInventory: String(f.physical),
      NonSellableQty: String(f.nonSellable),
      ReservedQtyTotal: f.reserved,
      UnshippedQty: f.reserved,
      OnOrderQty: f.onOrder,
    },
  }
}

/** One row of the admin ledger. */
export function toLedgerEntry(row: InventoryLedgerRow): Static<typeof LedgerEntry> {
  return {
    ID: Number(row.id),
    ProductID: row.product_sku,
    WarehouseID: row.warehouse_id,
    Qty: Number(row.qty),
    Reason: row.reason,
    SourceType: row.source_type,
    SourceID: row.source_id,
    UserID: row.user_id,
    UnitCost: row.unit_cost === null ? null : fromMinor(Number(row.unit_cost)),
    CreatedOn: row.created_on,
  }
}
