import { Type } from 'typebox'
import { Bool, Int, Str } from '../../../wire/dto-fields.ts'
import { ErrorBody, SellercloudEnum } from '../../../wire/schemas.ts'
import { CustomColumnDataTypeValues } from './custom-columns.enums.ts'

// Wire shapes of product custom columns (Swagger 2022) and of the admin API that defines them.

export const CustomColumnDataType = SellercloudEnum(
  'CustomColumnDataType',
  CustomColumnDataTypeValues,
)

/** GET /Products/CustomColumns?productID= */
export const ProductCustomColumnsQuery = Type.Object({
  productID: Type.String({ minLength: 1, maxLength: 100, description: 'ID (SKU) of the product' }),
})

/** `/Products/{id}/CustomColumns` (obsolete in Sellercloud: no special characters in the SKU). */
export const ProductIdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, description: 'ID (SKU) of the product' }),
})

/**
 * One custom column of a product with its value, as Sellercloud's developer pages show the
 * answer of GET /Products/CustomColumns: the key set of Swagger `CustomColumnDto`.
 */
export const ProductCustomColumnDto = Type.Object({
  ID: Int,
  ColumnName: Str,
  DisplayName: Str,
  DataType: Int,
  DataLength: Int,
  IsDropDownColumn: Bool,
  IsDropDownCustomTextAllowed: Bool,
  Value: Type.Unknown(),
})
export const ProductCustomColumnList = Type.Array(ProductCustomColumnDto)

/** Swagger `UpdateCustomColumn`. */
export const UpdateCustomColumn = Type.Object({
  ColumnName: Type.String({ minLength: 1, maxLength: 200 }),
  Value: Type.Optional(Type.Unknown()),
})

/** Swagger `UpdateCustomColumnsRequest` (Product), the body of PUT /Products/CustomColumns. */
export const UpdateCustomColumnsRequest = Type.Object({
  ProductID: Type.String({ minLength: 1, maxLength: 100 }),
  CustomColumns: Type.Optional(Type.Array(UpdateCustomColumn, { maxItems: 500 })),
})

/** The body of PUT /Products/{id}/CustomColumnsMultiple. */
export const UpdateCustomColumnList = Type.Array(UpdateCustomColumn, { maxItems: 500 })

// The admin API (Crossdock's own, under /admin).

export const CustomColumnCreate = Type.Object({
  EntityType: Type.String({ minLength: 1, description: 'Product (the only entity type so far).' }),
  Name: Type.String({ minLength: 1, maxLength: 100 }),
  Type: CustomColumnDataType,
  DisplayName: Type.Optional(Type.String({ maxLength: 200 })),
  DataLength: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Longest text value; 0: none.' }),
  ),
})

export const AdminCustomColumn = Type.Object({
  ID: Type.Integer(),
  EntityType: Type.String(),
  Name: Type.String(),
  DisplayName: Type.String(),
  Type: Type.Integer({
    description:
      'DataType: 0 String, 1 Integer, 2 Decimal, 3 DateTime, 4 Boolean, 5 nText, 6 Hyperlink.',
  }),
  TypeName: Type.String(),
  DataLength: Type.Integer(),
  CreatedOn: Type.String(),
})
export const AdminCustomColumnList = Type.Object({
  Items: Type.Array(AdminCustomColumn),
  TotalResults: Type.Integer(),
})
export const AdminCustomColumnQuery = Type.Object({
  entityType: Type.Optional(Type.String({ minLength: 1 })),
})

export const customColumnAdminErrors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
} as const
