import { Type, type Static } from 'typebox'
import { DiscountTypeEnum } from '../../wire/enums.ts'
import { DateTimeInput, Money, Opt, SellercloudEnum } from '../../wire/schemas.ts'
import { CURRENCY_CODE_VALUES, ORDER_NOTE_CATEGORY, ORDER_SOURCE_VALUES } from './orders.enums.ts'

// POST /rest/api/Orders, Swagger 2022 `OrderBaseModel` plus the 2024 additions of the create page
// (sellercloud-api-notes.md §1.2). Property names are canonical PascalCase; wire.ts matches any case.

export const Channel = SellercloudEnum('Channel', ORDER_SOURCE_VALUES)
export const CurrencyCode = SellercloudEnum('CurrencyCode', CURRENCY_CODE_VALUES)
export const NoteCategory = SellercloudEnum('OrderNoteCategory', ORDER_NOTE_CATEGORY)

const Text = (maxLength = 200) => Opt(Type.String({ maxLength }))
const Fee = () => Opt(Money({ minimum: 0 }))

export const CustomerDetailsInput = Type.Object({
  ID: Opt(Type.Integer({ minimum: 0 })),
  Email: Type.String({ minLength: 1, maxLength: 200 }),
  FirstName: Type.String({ minLength: 1, maxLength: 100 }),
  LastName: Type.String({ minLength: 1, maxLength: 100 }),
  Business: Text(),
  IsWholesale: Opt(Type.Boolean()),
  IgnoreCreditLimit: Opt(Type.Boolean()),
})

export const OrderDetailsInput = Type.Object({
  CompanyID: Type.Integer({ minimum: 1 }),
  MarketingSource: Opt(Type.Integer({ minimum: 0 })),
  SalesRepresentative: Opt(Type.Integer({ minimum: 0 })),
  IsCurrencyVisible: Opt(Type.Boolean()),
  CurrencyCode: Opt(CurrencyCode),
  CurrencyRateFromUSD: Opt(Type.Number({ exclusiveMinimum: 0 })),
  CurrencyRateToUSD: Opt(Type.Number({ exclusiveMinimum: 0 })),
  TaxExempt: Opt(Type.Boolean()),
  IsQuoteOrder: Opt(Type.Boolean()),
  IsSampleOrder: Opt(Type.Boolean()),
  GiftOrder: Opt(Type.Boolean()),
  Channel,
  OrderSourceOrderID: Text(100),
  DisableInventoryCount: Opt(Type.Boolean()),
  OrderDate: Opt(DateTimeInput),
  EbaySellingManagerSalesRecordNumber: Text(100),
})

/** The create model's address (`Address`, `Address2`, `ZipCode`…), not the read side's. */
export const OrderAddressInput = Type.Object({
  Business: Text(),
  FirstName: Text(100),
  MiddleName: Text(100),
  LastName: Text(100),
  Country: Text(100),
  City: Text(100),
  State: Text(100),
  Region: Text(100),
  ZipCode: Text(20),
  Address: Text(),
  Address2: Text(),
  Phone: Text(50),
  Fax: Text(50),
})

export const ShippingMethodInput = Type.Object({
  Carrier: Text(100),
  ShippingMethod: Text(100),
  Weight: Opt(
    Type.Object({
      Pounds: Opt(Type.Number({ minimum: 0 })),
      Ounces: Opt(Type.Number({ minimum: 0 })),
    }),
  ),
  Dimension: Opt(
    Type.Object({
      Width: Opt(Type.Number({ minimum: 0 })),
      Height: Opt(Type.Number({ minimum: 0 })),
      Length: Opt(Type.Number({ minimum: 0 })),
    }),
  ),
  HandlingFee: Fee(),
  ShippingFee: Fee(),
  InsuranceFee: Fee(),
  LockShippingMethod: Opt(Type.Boolean()),
  RushOrder: Opt(Type.Boolean()),
  RequirePinToShip: Opt(Type.Boolean()),
  OtherCarrier: Text(100),
  OtherMethod: Text(100),
  PromiseDate: Opt(DateTimeInput),
  // Sent by real integrations (not in the 2022 Swagger); shown as AllowShippingWithoutPaymentValue.
  AllowShippingEvenNotPaid: Opt(Type.Boolean()),
})

export const GiftDetailsInput = Type.Object({
  UseGiftWrap: Opt(Type.Boolean()),
  GiftMessage: Text(1000),
  GiftWrap: Fee(),
  GiftWrapType: Text(100),
})

export const OrderProductInput = Type.Object({
  ProductID: Type.String({ minLength: 1, maxLength: 100 }),
  ReferenceID: Text(100),
  ProductName: Text(),
  SitePrice: Opt(Money({ minimum: 0 })),
  DiscountValue: Opt(Money({ minimum: 0 })),
  DiscountType: Opt(DiscountTypeEnum),
  Qty: Type.Integer({ minimum: 1 }),
  LineTaxTotal: Fee(),
  FinalValueFee: Fee(),
  Notes: Text(4000),
  ShipFromWareHouseID: Opt(Type.Integer({ minimum: 1 })),
})

/** Swagger's OrderNoteDto; the server sets ID, entity, author and date. */
export const OrderNoteInput = Type.Object({
  EntityID: Opt(Type.Integer()),
  Category: Opt(NoteCategory),
  NoteID: Opt(Type.Integer()),
  Note: Type.String({ minLength: 1, maxLength: 4000 }),
  AuditDate: Opt(DateTimeInput),
  CreatedBy: Opt(Type.Integer()),
  CreatedByName: Text(),
  CreatedByEmail: Text(),
})

export const CreateOrderBody = Type.Object({
  ID: Opt(Type.Integer()),
  CustomerDetails: CustomerDetailsInput,
  OrderDetails: OrderDetailsInput,
  GiftDetails: Opt(GiftDetailsInput),
  Products: Type.Array(OrderProductInput, { minItems: 1, maxItems: 500 }),
  ShippingAddress: Opt(OrderAddressInput),
  BillingAddress: Opt(OrderAddressInput),
  ShippingMethodDetails: Opt(ShippingMethodInput),
  // The seed calls Notes an object, Swagger a list: both are accepted.
  Notes: Type.Optional(Type.Union([Type.Array(OrderNoteInput), OrderNoteInput, Type.Null()])),
  // Listed by the older create page, absent from every schema: accepted and not stored.
  PaymentDetails: Type.Optional(Type.Unknown()),
})

export type CreateOrderBody = Static<typeof CreateOrderBody>
export type OrderAddressInput = Static<typeof OrderAddressInput>
export type OrderProductInput = Static<typeof OrderProductInput>
export type OrderNoteInput = Static<typeof OrderNoteInput>
