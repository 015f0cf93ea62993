import type { Static } from 'typebox'
import { fromMinor } from '../../shared/money.ts'
import { AddressDto } from '../../wire/address.schemas.ts'
import { neutralOf } from '../../wire/neutral.ts'
import {
  MultipleOrderDataDto,
  MultipleOrderItemBundleItemDto,
  MultipleOrderItemDto,
} from './orders.list.schemas.ts'
import { toPaymentDto, toPaymentOptionsDto } from './orders.payments.mappers.ts'
import { shippingDetailsOf, toPackageDto, trackingOf } from './orders.packages.mappers.ts'
import { mostExpensiveSku } from './orders.rules.ts'
import { OrderItemDto, OrderNoteDto, SingleOrderDataDto } from './orders.response.schemas.ts'
import type { Order, OrderAddress, OrderItem, OrderNote } from './orders.types.ts'

// Domain order → Sellercloud wire DTOs. Keys Crossdock has no meaning for keep their neutral value.

/** Per order item ID, the IDs of the purchase orders it is linked to (filled by crossdock). */
export type LinkedPoIdsByItem = ReadonlyMap<number, readonly number[]>

const NO_LINKS: LinkedPoIdsByItem = new Map()

/** The create model's address → the read side's (`StreetLine1`, `PostalCode`, …). */
export function toAddressDto(
  address: OrderAddress | null,
  kind: 'shipping' | 'billing',
  email: string,
): Static<typeof AddressDto> {
  const a = address ?? {}
  return {
    ...neutralOf(AddressDto),
    IsShippingAddress: kind === 'shipping',
    IsBillingAddress: kind === 'billing',
    EmailAddress: email,
    FirstName: a.FirstName ?? null,
    MiddleInitial: a.MiddleName ?? null,
    LastName: a.LastName ?? null,
    CompanyName: a.Business ?? null,
    StreetLine1: a.Address ?? null,
    StreetLine2: a.Address2 ?? null,
    City: a.City ?? null,
    StateName: a.Region ?? a.State ?? null,
    StateCode: a.State ?? null,
    PostalCode: a.ZipCode ?? null,
    CountryName: a.Country ?? null,
    CountryCode: a.Country ?? null,
    PhoneNumber: a.Phone ?? null,
    FaxNumber: a.Fax ?? null,
  }
}

/** A stored discount value back on the wire: money or percent, both in minor units. */
function discountValue(item: OrderItem): number {
  return fromMinor(item.discountValue)
}

function adjustedSitePrice(item: OrderItem): number {
  return fromMinor(Math.round(item.lineTotal / item.qty))
}

export function toNoteDto(note: OrderNote): Static<typeof OrderNoteDto> {
  return {
    EntityID: note.orderId,
    Category: note.category,
    NoteID: note.id,
    Note: note.note,
    AuditDate: note.auditDate,
    CreatedBy: note.createdBy,
    CreatedByName: note.createdByName,
    CreatedByEmail: note.createdByEmail,
  }
}

function toItemDto(order: Order, item: OrderItem, links: LinkedPoIdsByItem) {
  return {
    ...neutralOf(OrderItemDto),
    ID: item.id,
    OrderID: order.id,
    ProductID: item.sku,
    _ProductIDInitial: item.sku,
    ProductIDOriginal: item.sku,
    ProductIDRequested: item.sku,
    ItemProductIdExists: true,
    DisplayName: item.name,
    Qty: item.qty,
    TaxExempt: order.taxExempt,
    SitePrice: fromMinor(item.sitePrice),
    WarehouseID: item.warehouseId ?? 0,
    BundleItems: item.bundleItems.map((b) => ({
      ProductID: b.sku,
      ImageURL: null,
      ProductName: b.name,
      QtyPerKit: b.qtyPerKit,
      TotalQty: b.totalQty,
      BackOrderQty: 0,
      Picked: 0,
    })),
    Notes: item.notes,
    LineTotal: fromMinor(item.lineTotal),
    DiscountValue: discountValue(item),
    DiscountType: item.discountType,
    CanBeDeleted: true,
    AdjustedSitePrice: adjustedSitePrice(item),
    LineTaxTotal: fromMinor(item.lineTax),
    LinkedPurchaseOrderIDs: [...(links.get(item.id) ?? [])],
  }
}

/**
 * GET /Orders/{id}: the whole SingleOrderDataDto. `linkedPoIdsByItem` fills each item's
 * `LinkedPurchaseOrderIDs`; empty until crossdock linking provides it.
 * @example toSingleOrderDto(order, new Map([[order.items[0].id, [7]]]))
 */
export function toSingleOrderDto(
  order: Order,
  linkedPoIdsByItem: LinkedPoIdsByItem = NO_LINKS,
): Static<typeof SingleOrderDataDto> {
  const dto = neutralOf(SingleOrderDataDto)
  const t = order.totals
  const s = order.shipping
  return {
    ...dto,
    OrderID: order.id,
    OrderDetails: {
      ...dto.OrderDetails,
      CompanyId: order.companyId,
      OrderSource: order.channel,
      OrderSourceOrderId: order.orderSourceOrderId,
      EbaySellingManagerSalesRecordNumber: order.ebayRecordNumber,
      CustomerEmail: order.customerEmail,
      CustomerID: order.customerId,
      SalesRep1: order.salesRep,
      PromiseDate: order.promiseDate,
      DisplayPromiseDate: order.promiseDate !== null,
      CurrencyCode: order.currencyCode,
      OrderDate: order.orderDate,
      CreatedOn: order.createdOn,
      OrderSubType: order.orderSubType,
      CurrencyRateFromUSD: order.currencyRateFromUsd,
      CurrencyRateToUSD: order.currencyRateToUsd,
      MarkettingSourceID: order.marketingSource,
    },
    Statuses: {
      ...dto.Statuses,
      OrderStatus: order.orderStatus,
      ShippingStatus: order.shippingStatus,
      PaymentStatus: order.paymentStatus,
      RushOrder: order.rushOrder,
      DropshipStatus: order.dropshipStatus,
      InventoryDisabled: order.disableInventoryCount,
    },
    OrderItems: order.items.map((item) => toItemDto(order, item, linkedPoIdsByItem)),
    TotalInfo: {
      ...dto.TotalInfo,
      SubTotal: fromMinor(t.subTotal),
      Discount: fromMinor(t.discount),
      Tax: fromMinor(t.tax),
      Shipping: fromMinor(t.shipping),
      Handling: fromMinor(t.handling),
      Insurance: fromMinor(t.insurance),
      GiftWrap: fromMinor(t.giftWrap),
      ShouldDisplayWrapFee: order.useGiftWrap,
      GrandTotal: fromMinor(t.grandTotal),
    },
    PaymentOptions: toPaymentOptionsDto(order),
    ShippingDetails: {
      ...dto.ShippingDetails,
      ShippingStatus: order.shippingStatus,
      Carrier: s.carrier,
      Service: s.method,
      RushOrder: order.rushOrder,
      RequirePINToShip: s.requirePinToShip,
      OrderShippingPromiseDate: order.promiseDate,
      ShippingTotal: fromMinor(t.shipping),
      EstShipWeight: { Pounds: s.weightPounds, Ounces: s.weightOunces },
      LockShippingMethod: s.lockShippingMethod,
      AllowShippingWithoutPaymentValue: s.allowShippingEvenNotPaid,
      OtherCarrier: s.otherCarrier,
      OtherMethed: s.otherMethod,
      ...shippingDetailsOf(order),
      OrderItemCount: String(order.items.length),
    },
    LastUpdated: order.lastUpdated,
    IsWholeSaleOrder: order.isWholesale,
    MostExpensiveSKU: mostExpensiveSku(order.items),
    ShippingAddress: toAddressDto(order.shippingAddress, 'shipping', order.customerEmail),
    BillingAddress: toAddressDto(order.billingAddress, 'billing', order.customerEmail),
    GiftDetails: {
      IsGiftOrder: order.giftOrder,
      IsWholeSaleOrder: order.isWholesale,
      HasOrderItems: order.items.length > 0,
      GiftDetails: {
        UseGiftWrap: order.useGiftWrap,
        GiftWrapFee: fromMinor(t.giftWrap),
        GiftMessage: order.giftMessage,
        GiftWrapType: order.giftWrapType,
      },
    },
    Payments: order.payments.map(toPaymentDto),
    Notes: order.notes.map(toNoteDto),
    OrderPackages: order.packages.map(toPackageDto),
  }
}

function toListItemDto(order: Order, item: OrderItem, links: LinkedPoIdsByItem) {
  const base = neutralOf(MultipleOrderItemDto)
  return {
    ...base,
    ID: item.id,
    ID1: item.id,
    OrderID: order.id,
    OrderID1: order.id,
    ProductID: item.sku,
    ProductID1: item.sku,
    ProductIDOriginal: item.sku,
    ProductIDRequested: item.sku,
    OriginalSKU: item.sku,
    Qty: item.qty,
    Qty1: item.qty,
    QtyRequestedByOrderSource: item.qty,
    DisplayName: item.name,
    DisplayName1: item.name,
    ProductName: item.name,
    OriginalBasePrice: fromMinor(item.sitePrice),
    SitePrice: fromMinor(item.sitePrice),
    AdjustedSitePrice: adjustedSitePrice(item),
    AdjustedSitePrice1: adjustedSitePrice(item),
    TaxExempt: order.taxExempt ? 1 : 0,
    LineTotal: fromMinor(item.lineTotal),
    LineTaxTotal: fromMinor(item.lineTax),
    ReferenceID: item.referenceId,
    FinalValueFee: fromMinor(item.finalValueFee),
    Notes: item.notes,
    ShipFromWareHouseID: item.warehouseId ?? 0,
    DiscountType: item.discountType,
    DiscountAmount: discountValue(item),
    DiscountTotal: fromMinor(item.discountAmount),
    KitItemsCount: item.bundleItems.length,
    DontCountInventory: order.disableInventoryCount,
    LinkedPurchaseOrderIDs: [...(links.get(item.id) ?? [])],
    BundleItems: item.bundleItems.map((b) => ({
      ...neutralOf(MultipleOrderItemBundleItemDto),
      ID: b.id,
      ParentID: item.id,
      OrderItemId: item.id,
      OrderID: order.id,
      ProductID: b.sku,
      Qty: b.qtyPerKit,
      TotalQty: b.totalQty,
      ProductName: b.name,
    })),
  }
}

/** One GET /Orders row (MultipleOrderDataDto). */
export function toListRowDto(
  order: Order,
  companyName: string | null,
  linkedPoIdsByItem: LinkedPoIdsByItem = NO_LINKS,
): Static<typeof MultipleOrderDataDto> {
  const t = order.totals
  const ship = order.shippingAddress ?? {}
  return {
    ...neutralOf(MultipleOrderDataDto),
    ID: order.id,
    OrderSourceOrderID: order.orderSourceOrderId,
    OrderSource: order.channel,
    OrderSubType: order.orderSubType,
    bRushOrder: order.rushOrder,
    IsGiftOrder: order.giftOrder,
    ShippingStatus: order.shippingStatus,
    PaymentStatus: order.paymentStatus,
    StatusCode: order.orderStatus,
    Dropship: order.dropshipStatus,
    FirstName: order.customerFirstName,
    LastName: order.customerLastName,
    TimeOfOrder: order.orderDate,
    GrandTotal: fromMinor(t.grandTotal),
    CompanyName: companyName,
    UserID: order.customerId,
    ShipDate: order.shipDate,
    OrderShippingPromiseDate: order.promiseDate,
    CreatedOn: order.createdOn,
    Country: ship.Country ?? null,
    LastUpdated: order.lastUpdated,
    DestinationState: ship.State ?? null,
    DestinationCountry: ship.Country ?? null,
    ShippingAddress: toAddressDto(order.shippingAddress, 'shipping', order.customerEmail),
    BillingAddress: toAddressDto(order.billingAddress, 'billing', order.customerEmail),
    CompanyID: order.companyId,
    EBaySellingManagerSalesRecordNumber: order.ebayRecordNumber,
    Items: order.items.map((item) => toListItemDto(order, item, linkedPoIdsByItem)),
    ShippingTotal: fromMinor(t.shipping),
    ShippingCarrier: order.shipping.carrier,
    ...trackingOf(order),
    ShippingService: order.shipping.method,
    OrderDiscountsTotal: fromMinor(t.discount),
    InsuranceTotal: fromMinor(t.insurance),
    HandlingFee: fromMinor(t.handling),
    PaymentDate: order.paymentDate,
    Payments: order.payments.map(toPaymentDto),
    OrderCurrencyCode: order.currencyCode,
    TaxTotal: fromMinor(t.tax),
    CustomerEmail: order.customerEmail,
    ShippingState: ship.State ?? null,
    ShippingCountry: ship.Country ?? null,
    ProductIDMostExpensiveInOrder: mostExpensiveSku(order.items),
  }
}
