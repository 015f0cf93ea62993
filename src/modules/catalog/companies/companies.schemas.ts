import { Type } from 'typebox'
import { IntList, ListOf, PageQuery } from '../../../wire/schemas.ts'

/** Swagger `Companies_GetAll` query. */
export const CompanyListQuery = Type.Object({
  companyID: Type.Optional(IntList),
  channel: Type.Optional(
    Type.Array(Type.String({ maxLength: 50 }), {
      maxItems: 100,
      description:
        'Refused (400): Crossdock keeps no channel list per company (every company takes orders of every channel)',
    }),
  ),
  keyword: Type.Optional(Type.String({ maxLength: 200, description: 'Name contains, any case' })),
  ...PageQuery(50),
})

export const CompanyListItem = Type.Object({
  ID: Type.Integer(),
  CompanyName: Type.String(),
  IsDefaultCompany: Type.Boolean(),
  AmazonMarketplace: Type.Integer(),
  IsDisabled: Type.Boolean(),
  CustomColumns: Type.Array(Type.Object({})),
  EnabledOnChannels: Type.Array(Type.Integer()),
  ScheduledTasksCount: Type.Integer(),
})

export const CompanyList = ListOf(CompanyListItem)

export const CompanyAddressDto = Type.Object({
  FirstName: Type.String(),
  LastName: Type.String(),
  Country: Type.String(),
  ZipCode: Type.String(),
  Region: Type.String(),
  State: Type.String(),
  City: Type.String(),
  Address: Type.String(),
  Address2: Type.String(),
  Fax: Type.String(),
  Phone: Type.String(),
})

export const CompanyDetails = Type.Object({
  Details: Type.Object({
    ID: Type.Integer(),
    CompanyName: Type.String(),
    Abbreviation: Type.String(),
    CountryCode: Type.String(),
    Country: Type.String(),
    Email: Type.String(),
    Website: Type.String(),
    IsDefaultCompany: Type.Boolean(),
    IsDisabled: Type.Boolean(),
    CurrencyCode: Type.Integer(),
    UnitOfMeasure: Type.Integer(),
  }),
  Address: CompanyAddressDto,
  AmazonSettings: Type.Object({}),
})
