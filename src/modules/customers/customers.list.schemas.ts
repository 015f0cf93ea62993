import { Type } from 'typebox'
import { CustomColumnValueDto } from '../../wire/custom-columns.schemas.ts'
import { Bool, Int, Str } from '../../wire/dto-fields.ts'
import { DateTimeInput, IntList, ListOf, PageQuery, SellercloudEnum } from '../../wire/schemas.ts'
import { CUSTOMER_RATING, CUSTOMER_TYPE_FILTER } from './customers.enums.ts'

// GET /rest/api/Customers: the 2022 Swagger's query parameters (`model.` prefix optional) and its
// rows (`CustomerDto`, every key listed so the serializer emits it).

export const CustomerDto = Type.Object({
  UserID: Int,
  Email: Str,
  FirstName: Str,
  LastName: Str,
  EmailCC: Str,
  Rating: Int,
  CorporateName: Str,
  IsWholeSaleUser: Bool,
  IsWholesaleString: Str,
  CustomColumns: Type.Array(CustomColumnValueDto),
  /** Crossdock extension: the customer's company (the 2022 DTO has none). */
  CompanyID: Int,
})

export const CustomerList = ListOf(CustomerDto)

/** Filters naming data Crossdock customers do not have: a 400 naming them when sent. */
export const UNSUPPORTED_CUSTOMER_FILTERS = {
  subscribed: 'Crossdock customers have no newsletter subscription.',
  phoneNumber: 'Crossdock customers have no phone number; filter by email instead.',
  city: 'Crossdock customers have no address; filter by email or name instead.',
  zipCode: 'Crossdock customers have no address; filter by email or name instead.',
  exported: 'Crossdock does not export customers.',
  channel: 'Crossdock customers have no channel; filter orders by channel instead.',
} as const

const Text = (description: string) => Type.Optional(Type.String({ maxLength: 200, description }))

export const CustomerListQuery = Type.Object({
  customerIds: Type.Optional(IntList),
  email: Text('Exact e-mail, any case.'),
  firstName: Text('Part of the first name, any case.'),
  lastName: Text('Part of the last name, any case.'),
  rating: Type.Optional(
    SellercloudEnum('CustomerRating', CUSTOMER_RATING, {
      description:
        'Crossdock rates no customer: NotRated (0) matches every customer, any other value none.',
    }),
  ),
  customerType: Type.Optional(SellercloudEnum('CustomerTypeFilter', CUSTOMER_TYPE_FILTER)),
  subscribed: Type.Optional(Type.Integer()),
  createdOnFrom: Type.Optional(DateTimeInput),
  createdOnTo: Type.Optional(DateTimeInput),
  modifiedOnFrom: Type.Optional(DateTimeInput),
  modifiedOnTo: Type.Optional(DateTimeInput),
  phoneNumber: Type.Optional(Type.String({ maxLength: 100 })),
  city: Type.Optional(Type.String({ maxLength: 100 })),
  zipCode: Type.Optional(Type.String({ maxLength: 100 })),
  exported: Type.Optional(Type.Integer()),
  channel: Type.Optional(Type.Integer()),
  corporateName: Text('Part of the business name, any case.'),
  companyIds: Type.Optional(IntList),
  keyword: Text('Customer ID (exact), or part of the e-mail, names or business name, any case.'),
  ...PageQuery(50),
})
