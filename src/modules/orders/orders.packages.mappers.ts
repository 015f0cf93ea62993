import type { Static } from 'typebox'
import { fromMinor } from '../../shared/money.ts'
import { neutralOf } from '../../wire/neutral.ts'
import { OrderPackageDto } from './orders.response.schemas.ts'
import type { Order, OrderPackage } from './orders.types.ts'

// Order packages → the wire (OrderPackageDto, and the shipping keys of the order reads).

/** Swagger's DeliveryStatus: a package of a shipped order is Shipped (1); delivery is not tracked. */
const DELIVERY_SHIPPED = 1

export function toPackageDto(p: OrderPackage): Static<typeof OrderPackageDto> {
  return {
    ...neutralOf(OrderPackageDto),
    ID: p.id,
    TrackingNumber: p.trackingNumber,
    TrackingNumberText: p.trackingNumber,
    Length: p.length,
    Width: p.width,
    Height: p.height,
    Weight: p.weight,
    ShippingCost: fromMinor(p.shippingCost),
    FinalShippingFee: fromMinor(p.finalShippingFee),
    DeliveryStatus: DELIVERY_SHIPPED,
    DeclaredValue: fromMinor(p.declaredValue),
    Items: p.items.map((i) => ({
      PackageID: p.id,
      OrderItemID: i.orderItemId,
      OrderItemBundleItemID: i.bundleItemId ?? 0,
      ProductID: i.sku,
      Qty: i.qty,
      ItemName: i.name,
    })),
  }
}

/** The shipping keys GET /Orders/{id} fills from the packages (ShippingDetails). */
export function shippingDetailsOf(order: Order) {
  return {
    ShipDate: order.shipDate,
    CostOfShipping: fromMinor(order.packages.reduce((sum, p) => sum + p.finalShippingFee, 0)),
    ShippedBy: order.packages[0]?.createdBy ?? 0,
  }
}

/** The tracking keys of a GET /Orders row: the first package's number and every non-empty one. */
export function trackingOf(order: Order) {
  const numbers = order.packages.map((p) => p.trackingNumber).filter((n) => n !== '')
  return { TrackingNumber: numbers[0] ?? '', AllTrackingNumbers: numbers }
}
