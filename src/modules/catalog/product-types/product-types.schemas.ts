import { Type } from 'typebox'
import { ListOf, PageQuery } from '../../../wire/schemas.ts'

/** Swagger `Catalog_GetProductTypes` query (`ProductTypesFilters`). */
export const ProductTypesQuery = Type.Object({
  productTypeIds: Type.Optional(
    Type.Array(Type.Integer({ minimum: 0, maximum: 2147483647 }), {
      maxItems: 500,
      description: 'Product type IDs',
    }),
  ),
  typeNames: Type.Optional(
    Type.Array(Type.String({ maxLength: 200 }), {
      maxItems: 500,
      description: 'Whole product type names, any case',
    }),
  ),
  ...PageQuery(50),
})

/** Swagger `ManageProductTypeDto`, in its key order. */
export const ManageProductTypeDto = Type.Object({
  CompanyID: Type.Integer(),
  CompanyName: Type.String(),
  IsDefault: Type.Boolean(),
  ProductTypeName: Type.String(),
  BuyDotComCategoryID: Type.String(),
  NewEggCategory: Type.String(),
  PriceLevel: Type.Integer(),
  ID: Type.Integer(),
})

export const ProductTypeList = ListOf(ManageProductTypeDto)
