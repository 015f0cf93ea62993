import { Type, type Static } from 'typebox'
import { DateTimeInput, Money, Opt, PageQuery } from '../../wire/schemas.ts'
import { OrderPackageDto } from './orders.response.schemas.ts'

// Shipping: PUT /Orders/ShippingStatus (UpdateShippingStatusRequest), PUT
// /Orders/ShippingStatus/SinglePackage (UpdateSinglePackageShippingStatusRequest), PUT
// /Orders/SetUnshipped (UnshipOrderDto), GET /Orders/Packages (PaginationResultsDto of
// OrderPackageDto), as the 2022 Swagger names them.

const OrderId = Type.Integer({ minimum: 1, maximum: 2147483647 })
const Text = (maxLength: number) => Opt(Type.String({ maxLength }))
const Required = (maxLength: number) => Type.String({ minLength: 1, maxLength })
/** A package dimension or weight: inches / pounds as the client sends them. */
const Measure = () => Opt(Type.Number({ minimum: 0, maximum: 100_000 }))

export const UpdateShippingStatusRequest = Type.Object({
  OrderID: OrderId,
  ShippingCarrier: Required(100),
  ShippingService: Required(100),
  ShipFromWarehouseID: Opt(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  DeclaredValue: Opt(Money({ minimum: 0 })),
  ShipDate: Opt(DateTimeInput),
  TrackingNumber: Text(100),
  ShippingCost: Opt(Money({ minimum: 0 })),
  Width: Measure(),
  Height: Measure(),
  Length: Measure(),
  Weight: Measure(),
})
export type UpdateShippingStatusRequest = Static<typeof UpdateShippingStatusRequest>

export const UpdateSinglePackageShippingStatusRequest = Type.Object({
  OrderID: OrderId,
  ShipDate: Opt(DateTimeInput),
  TrackingNumber: Text(100),
  ShippingCost: Opt(Money({ minimum: 0 })),
  PackageID: Opt(
    Type.Integer({
      minimum: 0,
      maximum: 2147483647,
      description: 'Omitted or 0: the first package (created when the order is not shipped yet).',
    }),
  ),
  CarrierName: Required(100),
  ShippingMethod: Required(100),
  WarehouseID: Opt(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  Length: Measure(),
  Width: Measure(),
  Height: Measure(),
  Weight: Measure(),
})
export type UpdateSinglePackageShippingStatusRequest = Static<
  typeof UpdateSinglePackageShippingStatusRequest
>

export const UnshipOrderRequest = Type.Object({
  Orders: Type.Array(OrderId, { minItems: 1, maxItems: 500 }),
  PIN: Text(100),
})
export type UnshipOrderRequest = Static<typeof UnshipOrderRequest>

export const OrderPackagesQuery = Type.Object({
  id: OrderId,
  ...PageQuery(50),
})

export const OrderPackageList = Type.Object({
  Results: Type.Array(OrderPackageDto),
  TotalResults: Type.Integer(),
})
