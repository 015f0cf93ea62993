import { Type } from 'typebox'
import { CustomColumnValueDto } from '../../wire/custom-columns.schemas.ts'
import { Bool, DateOut, Int, Num, Str } from '../../wire/dto-fields.ts'
import { DateTimeOutput, ListOf, PageQuery, SellercloudEnum } from '../../wire/schemas.ts'
import { ProductBundleDto } from '../catalog/products/index.ts'

// The inventory reads' wire shapes: Swagger 2022 DTOs, every key in its documented order. Keys
// Crossdock has no meaning for carry their neutral value (inventory.read.mappers, docs/compat.md
// "Inventory (src/modules/inventory)").

/** Swagger `ProductInventoryDto` (GET /Inventory's item). */
export const ProductInventoryDto = Type.Object({
  ImageUrl: Str,
  Weight: Str,
  ShippingWeight: Str,
  WeightOz: Num,
  PackageWeightLbs: Num,
  PackageWeightOz: Num,
  LocationNotes: Str,
  CompanyID: Int,
  ShadowOf: Str,
  AverageCost: Num,
  Priority: Int,
  Rating: Int,
  ProductName: Type.String(),
  DefaultVendorSKU: Str,
  QtyPerCase: Int,
  QtySold15: Int,
  QtySold30: Int,
  QtySold60: Int,
  QtySold90: Int,
  QtySold180: Int,
  QtySold365: Int,
  QtySoldYTD: Int,
  IsEndOfLife: Bool,
  ShippingCost: Num,
  AggregateQty: Int,
  ASIN: Str,
  AggregatePhysicalQtyFBA: Int,
  ASINInActiveListing: Str,
  ShippingWidth: Num,
  ShippingHeight: Num,
  ShippingLength: Num,
  LocationRegion: Int,
  WeightLbs: Num,
  ProductType: Str,
  DefaultVendor: Str,
  UnitOfMeasure: Int,
  HomeCountryCode: Int,
  Country: Str,
  AmazonMarketPlaceID: Str,
  CompanyName: Str,
  CompanyNameAbbreviation: Str,
  WarehouseBasedPhysicalAndReservedQty: Bool,
  WarehousePhysicalQty: Int,
  WarehousePhysicalQtyValue: Num,
  WarehouseReservedQtyValue: Num,
  AggregatedQty: Int,
  AggregatePhysicalSellableQtyIncludingPhysicalValue: Num,
  PhysicalQty: Int,
  ReservedQty: Int,
  ReserveQtyTotalValue: Num,
  AggregateNonSellableQty: Int,
  StorePrice: Num,
  ManufacturerSKU: Str,
  UPC: Str,
  EAN: Str,
  AmazonFBASKU: Str,
  FulfilledBy: Str,
  SalesRank: Int,
  ProductConditionName: Str,
  NotesCount: Int,
  FirstKitChild: Str,
  WarehouseName: Str,
  IsSellAble: Bool,
  WarehouseCount: Int,
  OrderReserveTotal: Int,
  ExpectedDeliveryDate: DateOut,
  CreationDate: DateTimeOutput,
  Status: Int,
  InventoryDependantOption: Int,
  OnOrder: Int,
  AmazonPrice: Num,
  VendorID: Int,
  LastAggregateDate: DateTimeOutput,
  LastModifiedDate: DateTimeOutput,
  AmazonMarketplace: Str,
  OnBackOrder: Int,
  BackOrderVisible: Bool,
  WholeSalePrice: Num,
  WholeSalePriceVisible: Bool,
  SitePrice: Num,
  SiteCost: Num,
  IsKit: Bool,
  SiteCostVisible: Bool,
  LastCost: Num,
  LastCostVisible: Bool,
  ShowPriorityAndRatingDelta: Bool,
  InventoryAvailableQty: Int,
  ChildProducts: Type.Array(ProductBundleDto),
  CustomColumns: Type.Array(CustomColumnValueDto),
  AmazonStoreStatus: Bool,
  AmazonEnableBOPISProduct: Bool,
  ID: Type.String(),
})

export const InventoryList = ListOf(ProductInventoryDto)

const idList = (description: string) =>
  Type.Array(Type.Integer({ minimum: 0, maximum: 2147483647 }), { maxItems: 500, description })
const dateBound = (description: string) => Type.String({ format: 'date-time', description })

/** Swagger `Inventory_GetAll` query (`model.*`); every list takes repeated keys, commas or `key[]`. */
export const InventoryListQuery = Type.Object({
  inventoryID: Type.Optional(
    Type.String({ maxLength: 100, description: 'One product ID (SKU), any case' }),
  ),
  eAN: Type.Optional(Type.String({ description: 'Refused (400): Crossdock keeps no EAN' })),
  poID: Type.Optional(idList('Products on these purchase orders')),
  companyID: Type.Optional(idList('Products of these companies')),
  vendorID: Type.Optional(idList('Products with a cost from these vendors')),
  defaultVendorID: Type.Optional(
    idList('Refused (400): Crossdock keeps no default vendor per product; use vendorID'),
  ),
  vendorSKU: Type.Optional(
    Type.Array(Type.String({ maxLength: 100 }), {
      maxItems: 500,
      description: "Vendors' SKUs of the product, any case",
    }),
  ),
  warehouse: Type.Optional(
    idList(
      'Products with stock (a ledger movement) in these warehouses; WarehouseName/WarehousePhysicalQty then describe the first one',
    ),
  ),
  uPC: Type.Optional(Type.String({ maxLength: 50, description: 'Exact UPC' })),
  physicalQtyFrom: Type.Optional(
    Type.Integer({ description: 'Total physical quantity at least this' }),
  ),
  physicalQtyTo: Type.Optional(
    Type.Integer({ description: 'Total physical quantity at most this' }),
  ),
  kitType: Type.Optional(
    SellercloudEnum(
      'KitType',
      { Independant: 0, MainComponent: 1, AllComponents: 2 },
      {
        description:
          'KitType: 0 = Independant, 1 = MainComponent, 2 = AllComponents (name or number). Every Crossdock kit is AllComponents: 2 lists the kits, 0 and 1 nothing',
      },
    ),
  ),
  lastAggregateFrom: Type.Optional(dateBound('LastAggregateDate (= LastModifiedDate) at or after')),
  lastAggregateTo: Type.Optional(dateBound('LastAggregateDate (= LastModifiedDate) at or before')),
  lastUpdatedFrom: Type.Optional(dateBound('LastModifiedDate at or after')),
  lastUpdatedTo: Type.Optional(dateBound('LastModifiedDate at or before')),
  keyword: Type.Optional(Type.String({ maxLength: 200, description: 'SKU or name contains' })),
  ...PageQuery(50),
})

export const ProductIdQuery = Type.Object({
  productID: Type.String({ minLength: 1, maxLength: 100 }),
})

/** Swagger `InventoryContent`, the `Inventory` part of `InventoryDetailsDto`. */
export const InventoryContent = Type.Object({
  AggregateQty: Int,
  PhysicalInventory: Int,
  PhysicalInventoryTooltip: Str,
  NonSellableQty: Int,
  IsNonSellableQtyVisible: Bool,
  QtyPerCase: Int,
  QtyPerPallet: Int,
  ReservedQtyTotal: Int,
  Replenishable: Bool,
  ExpectedDeliveryDate: DateOut,
  ContainerETAVisible: Bool,
  ContainerETADate: DateOut,
  QtyProduct: Int,
  ContainerETADateQtyProduct: Str,
  ContainerETALink: Str,
  UnshippedQty: Int,
  PendingReservedQty: Int,
  FBAReservedQty: Int,
  OnOrderQty: Int,
  IsModified: Bool,
})

const Weight = Type.Object({ Pounds: Num, Ounces: Num })
const Dimensions = Type.Object({ Width: Num, Height: Num, Length: Num })

/** Swagger `InventoryDetailsDto` (GET /Inventory/Details). Its quantity keys are strings there. */
export const InventoryDetailsDto = Type.Object({
  General: Type.Object({
    ProductName: Str,
    ProductTypeID: Int,
    Condition: Int,
    LocationNotes: Str,
    CompanyID: Int,
    ClientID: Int,
    ShadowOf: Str,
    Priority: Int,
    Rating: Int,
    ShowPriorityAndRatingDelta: Bool,
    IsModified: Bool,
  }),
  Identifiers: Type.Object({ MasterSku: Str, Upc: Str, IsModified: Bool }),
  Metrics: Type.Object({
    ShippingWeights: Weight,
    ProductWeights: Weight,
    ProductDimensions: Dimensions,
    ShippingDimensions: Dimensions,
    ShippingPackageTypeID: Int,
    UniOfMeasure: Str,
    IsModified: Bool,
  }),
  Inventory: Type.Object({
    AggregateQty: Str,
    PhysicalInventory: Str,
    PhysicalInventoryTooltip: Str,
    NonSellableQty: Str,
    IsNonSellableQtyVisible: Bool,
    QtyPerCase: Int,
    QtyPerPallet: Int,
    ReservedQtyTotal: Int,
    Replenishable: Bool,
    ExpectedDeliveryDate: DateOut,
    ContainerETAVisible: Bool,
    ContainerETADate: DateOut,
    QtyProduct: Int,
    ContainerETADateQtyProduct: Str,
    ContainerETALink: Str,
    UnshippedQty: Int,
    PendingReservedQty: Int,
    FBAReservedQty: Int,
    OnOrderQty: Int,
    IsModified: Bool,
  }),
  Images: Type.Array(Type.Object({ ID: Int, ImageSource: Str, IsDefault: Bool })),
  CustomColumns: Type.Array(CustomColumnValueDto),
  NotesCount: Int,
  IsModified: Bool,
})

/** Swagger `WarehouseInventoryInformationDto` (GET /Inventory/Warehouses). */
export const WarehouseInventoryInformationDto = Type.Object({
  ProductID: Str,
  AvailableQty: Int,
  PhysicalQty: Int,
  WarehouseID: Int,
})
export const WarehouseInventoryList = Type.Array(WarehouseInventoryInformationDto)

export const WarehouseInventoryQuery = Type.Object({
  productID: Type.String({ minLength: 1, maxLength: 100 }),
  warehouseID: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
})

/** Swagger `SingleWarehouseDto` (GET /Inventory/{productID}/Warehouses). */
export const SingleWarehouseDto = Type.Object({
  AvailableQty: Int,
  PhysicalQty: Int,
  WarehouseID: Int,
})
export const SingleWarehouseList = Type.Array(SingleWarehouseDto)

/** Swagger `InventoryWarehouseDto` (GET /Inventory/{productID}/Warehouses/{warehouseID}). */
export const InventoryWarehouseDto = Type.Object({
  ProductID: Str,
  AvailableQty: Int,
  PhysicalQty: Int,
  WarehouseID: Int,
})

export const ProductPathParams = Type.Object({
  productID: Type.String({ minLength: 1, maxLength: 100 }),
})
export const ProductWarehousePathParams = Type.Object({
  productID: Type.String({ minLength: 1, maxLength: 100 }),
  warehouseID: Type.Integer({ minimum: 1, maximum: 2147483647 }),
})

/** Crossdock extension: GET /admin/inventory/ledger. */
export const LedgerQuery = Type.Object({
  productID: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  warehouseID: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  ...PageQuery(200),
})
export const LedgerEntry = Type.Object({
  ID: Type.Integer(),
  ProductID: Type.String(),
  WarehouseID: Type.Integer(),
  Qty: Type.Integer({ description: 'Signed units: + in, − out' }),
  Reason: Type.String(),
  SourceType: Type.String({
    description: 'po_receipt | order_shipment | order_unshipment | adjustment | set | fixture',
  }),
  SourceID: Type.Union([Type.Integer(), Type.Null()]),
  UserID: Type.Union([Type.Integer(), Type.Null()]),
  UnitCost: Type.Union([Type.Number(), Type.Null()]),
  CreatedOn: DateTimeOutput,
})
export const LedgerPage = ListOf(LedgerEntry)
