import { Type, type Static } from 'typebox'
import { DateTimeInput, DateTimeOutput, Opt } from '../../wire/schemas.ts'
import { ShippingStatusEnum } from './purchase-orders.schemas.ts'

// GET/POST/DELETE /PurchaseOrders/{id}/TrackingNumber/Multiple (developer pages "… PO Shipping
// Information (Multiple Tracking Numbers)", 2024; not in the 2022 Swagger file).

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 })

export const TrackingNumberInput = Type.Object({
  ShippedOn: DateTimeInput,
  /** UPS, USPS, FedEx, DHL or Other (any case). */
  ShippingCarrier: Type.String({ maxLength: 100 }),
  /** The carrier's name, only with ShippingCarrier Other. */
  OtherCarrier: Opt(Type.String({ maxLength: 100 })),
  TrackingNumber: Type.String({ maxLength: 200 }),
  ShippingStatus: ShippingStatusEnum,
})
export type TrackingNumberInputType = Static<typeof TrackingNumberInput>

export const AddTrackingNumbersRequest = Type.Object({
  TrackingNumbers: Type.Array(TrackingNumberInput, { minItems: 1, maxItems: 100 }),
})
export type AddTrackingNumbersBody = Static<typeof AddTrackingNumbersRequest>

export const DeleteTrackingNumbersRequest = Type.Object({
  TrackingNumbersIDs: Type.Array(Id, { minItems: 1, maxItems: 100 }),
})
export type DeleteTrackingNumbersBody = Static<typeof DeleteTrackingNumbersRequest>

export const TrackingNumbersResponse = Type.Object({
  TrackingNumbers: Type.Array(
    Type.Object({
      ID: Type.Integer(),
      ShippedOn: DateTimeOutput,
      ShippingCarrier: Type.String(),
      TrackingNumber: Type.String(),
    }),
  ),
})
export type TrackingNumbersResponseType = Static<typeof TrackingNumbersResponse>
