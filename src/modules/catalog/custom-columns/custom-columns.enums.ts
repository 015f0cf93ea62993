// Custom column value objects: Sellercloud's `DataType` (Swagger `CustomColumnDto.DataType`) and the
// entity types definitions belong to.

export const CustomColumnDataTypeValues = {
  String: 0,
  Integer: 1,
  Decimal: 2,
  DateTime: 3,
  Boolean: 4,
  nText: 5,
  Hyperlink: 6,
} as const
export type CustomColumnDataType =
  (typeof CustomColumnDataTypeValues)[keyof typeof CustomColumnDataTypeValues]

/** Entity types with custom columns in Crossdock today (Order, PurchaseOrder, Customer may follow). */
export const CUSTOM_COLUMN_ENTITY_TYPES = ['Product'] as const
export type CustomColumnEntityType = (typeof CUSTOM_COLUMN_ENTITY_TYPES)[number]
