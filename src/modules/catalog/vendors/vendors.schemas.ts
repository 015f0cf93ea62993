import { Type } from 'typebox'
import { IntList, ListOf, PageQuery, SellercloudEnum, StringList } from '../../../wire/schemas.ts'

/** Active filter shared by Vendors and Catalog: 0 No, 1 Yes, -1 All. */
export const ActiveStatus = SellercloudEnum('ActiveStatus', { No: 0, Yes: 1, All: -1 })

export const VendorListQuery = Type.Object({
  vendorIDs: Type.Optional(IntList),
  names: Type.Optional(StringList),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  activeStatus: Type.Optional(ActiveStatus),
  ...PageQuery(50),
})

/** Swagger `BaseVendorDto`. */
export const VendorListItem = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Email: Type.String(),
  IsDefault: Type.Boolean(),
})

export const VendorList = ListOf(VendorListItem)

/** Swagger `VendorDto`. */
export const VendorDetails = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Email: Type.String(),
  IsDefault: Type.Boolean(),
  Alias: Type.String(),
  AccountNumber: Type.String(),
  EmailCC: Type.String(),
  Website: Type.String(),
  IsActive: Type.Boolean(),
})
