import { Type, type Static } from 'typebox'
import { DateTimeInput, Money, Opt, SellercloudEnum } from '../../wire/schemas.ts'

// Request models of the stock writes (Swagger 2022: AdjustPhysicalInventoryRequest,
// SetPhysicalInventoryRequest). Both answer 200 with an empty body.

const Int32 = Type.Integer({ minimum: -2147483648, maximum: 2147483647 })
/** Units one request may move or count (MAX_UNITS in inventory.repository.ts). */
const Units = Type.Integer({ minimum: -2147483648, maximum: 1_000_000_000 })

export const AdjustmentType = { Subtract: 0, Add: 1 } as const
export const AdjustmentTypeEnum = SellercloudEnum('AdjustmentType', AdjustmentType)

export const AdjustPhysicalInventoryRequest = Type.Object({
  WarehouseID: Opt(Int32),
  ProductID: Type.String({ minLength: 1, maxLength: 100 }),
  Qty: Opt(Units),
  AdjustmentType: AdjustmentTypeEnum,
  Reason: Type.String({ maxLength: 500 }),
  InventoryCost: Opt(Money({ minimum: 0 })),
  SiteCost: Opt(Money({ minimum: 0 })),
  PinCode: Opt(Type.String({ maxLength: 100 })),
})
export type AdjustPhysicalInventoryBody = Static<typeof AdjustPhysicalInventoryRequest>

export const SetPhysicalInventoryRequest = Type.Object({
  WarehouseID: Opt(Int32),
  ProductID: Type.String({ minLength: 1, maxLength: 100 }),
  InventoryDate: Opt(DateTimeInput),
  PhysicalQty: Units,
  SiteCost: Opt(Money({ minimum: 0 })),
  PinCode: Opt(Type.String({ maxLength: 100 })),
})
export type SetPhysicalInventoryBody = Static<typeof SetPhysicalInventoryRequest>
