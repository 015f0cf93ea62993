import { SellercloudEnum } from './schemas.ts'

// Sellercloud enums that sales orders and purchase orders share (values from the 2022 Swagger file).
// Each value object is the one source; the schemas derive from it.

/** A line discount: a fixed amount or a percentage. */
export const DISCOUNT_TYPE = { FixedAmount: 0, Percentage: 1 } as const
export const DiscountTypeEnum = SellercloudEnum('DiscountType', DISCOUNT_TYPE)

/** The stored payment status of an order or a PO (Swagger `PaymentStatus`). */
export const PAYMENT_STATUS = {
  NoPayment: 10,
  Authorized: 20,
  Charged: 30,
  Uncleared: 40,
  PartiallyRefund: 50,
  FullRefund: 60,
  PartialPayment: 70,
  eBayPaid: 80,
  PaymentError: 99,
} as const
export const PaymentStatusEnum = SellercloudEnum('PaymentStatus', PAYMENT_STATUS)

/**
 * The filter version of payment status (`GET /Orders?paymentStatus=`): every stored value, `ALL`,
 * and combined values that each stand for several stored ones (PAYMENT_STATUS_GROUPS).
 */
export const PAYMENT_STATUS_FILTER = {
  ALL: -1,
  NoPayment: 10,
  NoPaymentOrPartialPayment: 11,
  Authorized: 20,
  Charged: 30,
  Uncleared: 40,
  PartialRefund: 50,
  FullRefund: 60,
  PartialOrFullRefund: 61,
  PartiallyPaid: 70,
  ChargedOrPartialRefund: 71,
  EbayPaid: 80,
  EbayPaidOrPartialPayment: 81,
  PaymentError: 99,
  ChargedOrPartialPaid: 711,
  ChargedOrAuthorized: 713,
} as const
export const PaymentStatusFilterEnum = SellercloudEnum('PaymentStatus', PAYMENT_STATUS_FILTER)

const P = PAYMENT_STATUS
const F = PAYMENT_STATUS_FILTER
/** The stored statuses each combined filter value stands for. */
export const PAYMENT_STATUS_GROUPS: Readonly<Record<number, readonly number[]>> = {
  [F.NoPaymentOrPartialPayment]: [P.NoPayment, P.PartialPayment],
  [F.PartialOrFullRefund]: [P.PartiallyRefund, P.FullRefund],
  [F.ChargedOrPartialRefund]: [P.Charged, P.PartiallyRefund],
  [F.EbayPaidOrPartialPayment]: [P.eBayPaid, P.PartialPayment],
  [F.ChargedOrPartialPaid]: [P.Charged, P.PartialPayment],
  [F.ChargedOrAuthorized]: [P.Charged, P.Authorized],
}

/**
 * The stored payment statuses a filter value selects; undefined (no filter) for `ALL` or none.
 * @example paymentStatusesOf(11) // [10, 70]
 */
export function paymentStatusesOf(filter: number | undefined): number[] | undefined {
  if (filter === undefined || filter === F.ALL) {
    return undefined
  }
  return [...(PAYMENT_STATUS_GROUPS[filter] ?? [filter])]
}

/** A yes/no filter with "all" (`qBExported`, `replacementOrder`): -1 or omitted selects everything. */
export const YES_NO_ALL = { No: 0, Yes: 1, All: -1 } as const
export const YesNoAllEnum = SellercloudEnum('YesNoAll', YES_NO_ALL)

/**
 * A sales channel (Swagger `OrderSource` / `ChannelPriceDto.ChannelID`, the same values): an order's
 * channel and a product's channel price.
 */
export const CHANNEL = {
  Local_Store: 0,
  eBayOrder: 1,
  eBaySingleItem: 2,
  Yahoo: 3,
  Amazon: 4,
  PriceGrabber: 5,
  Website: 6,
  Buy: 7,
  NewEggMall: 12,
  Magento: 15,
  QuickBooks: 16,
  RMS: 17,
  Cart32: 18,
  Sears: 19,
  FBA: 20,
  Wholesale: 21,
  Overstock: 22,
  NewEggdotcom: 23,
  Etsy: 24,
  Bonanza: 25,
  PriceFalls: 26,
  Wayfair: 27,
  UnbeatableSale: 28,
  VendorCentral: 29,
  Hayneedle: 30,
  SmartBargains: 31,
  uBid: 32,
  ATGStores: 33,
  StacksAndStacks: 34,
  Sharkstores: 35,
  BestBuy: 36,
  Kohls: 37,
  Staples: 38,
  OneStopPlus: 39,
  Meijer: 40,
  Sonsi: 41,
  Walmart: 42,
  HSN: 43,
  NewEgg_Business: 44,
  KMart: 45,
  Wish: 46,
  SPRichards: 47,
  FingerHut: 48,
  Groupon: 49,
  Walmart_Marketplace: 50,
  ShopHQ: 51,
  PriceMinister: 52,
  GS: 53,
  DrugStore: 54,
  MercadoLibre: 55,
  JET: 56,
  ElevenMain: 57,
  SearsVendor: 58,
  Choxi: 59,
  TradeMe: 60,
  Tanga: 61,
  Target: 62,
  GrouponMarketplace: 63,
  Reverb: 64,
  BedBathAndBeyond: 65,
  Dropship_Central: 66,
  DSW: 67,
  Houzz: 68,
  Gilt: 69,
  BestBuyDS: 70,
  TopHatter: 71,
  HomeDepot: 72,
  MassGenie: 73,
  Cdiscount: 74,
  GrouponGateway: 75,
  SBN: 76,
  GoogleExpress: 77,
  Target_Plus: 78,
  WFS: 79,
} as const
