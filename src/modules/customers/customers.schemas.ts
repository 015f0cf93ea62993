import { Type, type Static } from 'typebox'
import { CustomColumnValueDto } from '../../wire/custom-columns.schemas.ts'
import { Nullable, SellercloudEnum } from '../../wire/schemas.ts'
import { CUSTOMER_TYPE } from './customers.enums.ts'
import { Bool, DateOut, Int, Num, Str } from '../../wire/dto-fields.ts'

// POST /rest/api/Customers (Swagger 2022 CreateCustomerRequest) and GET /rest/api/Customers/{id}
// (CustomerDetailsDto, every key listed so the serializer emits it).

export const CustomerType = SellercloudEnum('CustomerType', CUSTOMER_TYPE)

export const CreateCustomerBody = Type.Object({
  CompanyID: Type.Integer({ minimum: 1 }),
  FirstName: Type.String({ minLength: 1, maxLength: 100 }),
  LastName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  Email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  BusinessName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  CustomerType: Type.Optional(Nullable(CustomerType)),
})
export type CreateCustomerBody = Static<typeof CreateCustomerBody>

export const GeneralContentDto = Type.Object({
  ID: Int,
  Title: Str,
  Name: Str,
  Email: Str,
  EmailCC: Str,
  CorporateName: Str,
  BusinessAliases: Type.Array(Str),
  EBayUserID: Str,
  SourceId: Str,
  IsBlackListed: Bool,
  IsWholeSaleUser: Bool,
  IsModified: Bool,
})

export const InternalContentDto = Type.Object({
  CompanyID: Int,
  AccountManagerId: Int,
  AccountManagerCommission: Num,
  AccountManager2Id: Int,
  AccountManager2Commission: Num,
  AccountManager3Id: Int,
  AccountManager3Commission: Num,
  SalesMan: Str,
  Comment: Str,
  LocalRating: Int,
  CreatedOn: DateOut,
  IsModified: Bool,
})

export const OrderOptionsContentDto = Type.Object({
  TaxExempt: Bool,
  TaxExemptType: Str,
  OrderHandlingFee: Num,
  ApplyShippingChargesToOrderTotal: Bool,
  ApplyShippingChargesToOrderTotalVisible: Bool,
  AllowShippingUnPaidOrders: Bool,
  AllowShippingUnPaidOrdersEditble: Bool,
  DisableShipNotifications: Bool,
  InvoiceNote: Str,
  OrderPDFInvoicePlugin: Str,
  SendInvoiceWithShipNotificationEmail: Bool,
  WholesaleDiscount: Num,
  SitePriceBasedDiscountVisible: Bool,
  SitePriceBasedDiscountEnabled: Bool,
  SitePriceBasedDiscountValue: Num,
  CostPlusBasedWholeSalePriceVisible: Bool,
  CostPlusBasedWholeSalePriceEnabled: Bool,
  CostPlusBasedWholeSalePricePercent: Num,
  CostPlusBasedWholeSalePriceUsingType: Int,
  IsModified: Bool,
})

export const PersonalContentDto = Type.Object({
  Phone1: Str,
  Phone2: Str,
  Phone3: Str,
  Mobile: Str,
  Fax: Str,
  IsModified: Bool,
})

export const UserAddressDto = Type.Object({
  ID: Int,
  CompanyName: Str,
  AddressSource: Int,
  AddressStatus: Int,
  IsShippingAddress: Bool,
  IsBillingAddress: Bool,
  Address2: Str,
  RowStatus: Int,
  ContactName: Str,
  Country: Str,
  City: Str,
  State: Str,
  Region: Str,
  ZipCode: Str,
  Address: Str,
  Phone: Str,
  Fax: Str,
  IsModified: Bool,
})

export const WholesaleOptionsContentDto = Type.Object({
  CreditTerm: Int,
  CreditLimit: Num,
  BillingCycleStartdate: DateOut,
  IsModified: Bool,
})

export const CustomerGroupDto = Type.Object({
  ID: Int,
  Name: Str,
  RowStatus: Int,
})

export const CustomerGroupsContentDto = Type.Object({
  CustomerGroups: Type.Array(CustomerGroupDto),
  IsModified: Bool,
})

export const CustomerCreditCardDto = Type.Object({
  ID: Int,
  CardType: Int,
  NameOnCard: Str,
  CardNumber: Str,
  ExpirationMonth: Int,
  ExpirationYear: Int,
  IsDefault: Bool,
  CVV: Str,
})

export const CustomerDetailsDto = Type.Object({
  General: GeneralContentDto,
  Internal: InternalContentDto,
  OrderOptions: OrderOptionsContentDto,
  Personal: PersonalContentDto,
  Addresses: Type.Array(UserAddressDto),
  WholesaleOptions: WholesaleOptionsContentDto,
  CustomerGroups: CustomerGroupsContentDto,
  CreditCards: Type.Array(CustomerCreditCardDto),
  CustomColumns: Type.Array(CustomColumnValueDto),
  NotesCount: Int,
  IsModified: Bool,
})
