import { Type } from 'typebox'
import { ListOf, Nullable, PageQuery } from '../../../wire/schemas.ts'

// Swagger 2022 DTOs of GET /Catalog/VariationDimensions and GET /Catalog/Variation, every key.

/** Query of `Catalog_GetVariationDimensions` (`model.searchTerm`, `model.pageNumber`, `model.pageSize`). */
export const VariationDimensionsQuery = Type.Object({
  searchTerm: Type.Optional(
    Type.String({ maxLength: 200, description: 'Unique or display name contains, any case' }),
  ),
  ...PageQuery(50),
})

/** Query of `Catalog_LoadVariation` (`model.productID`, `model.pageNumber`, `model.pageSize`). */
export const VariationQuery = Type.Object({
  productID: Type.String({ minLength: 1, maxLength: 100, description: 'The parent product (SKU)' }),
  ...PageQuery(50),
})

/** Swagger `VariationDimensionValueDto`. */
export const VariationDimensionValueDto = Type.Object({
  ID: Type.Integer(),
  DimensionID: Type.Integer(),
  Value: Type.String(),
  ObjectValue: Nullable(Type.Object({})),
  Abbreviation: Nullable(Type.String()),
  SortOrder: Type.Integer(),
})

/** Swagger `VariationDimensionResponseDto`. */
export const VariationDimensionResponseDto = Type.Object({
  UniqueName: Type.String(),
  ID: Type.Integer(),
  ClientID: Type.Integer(),
  Name: Type.String(),
  Abbreviation: Nullable(Type.String()),
  ManufacturerName: Nullable(Type.String()),
  ProductTypeName: Nullable(Type.String()),
  Values: Type.Array(VariationDimensionValueDto),
})

/** Swagger `GetAllResponse[VariationDimensionResponseDto]`. */
export const VariationDimensionList = ListOf(VariationDimensionResponseDto)

/** Swagger `MatrixProductDimension`: a dimension the parent uses. */
export const MatrixProductDimension = Type.Object({
  IsPrimary: Type.Boolean(),
  ProductID: Type.String(),
  DimensionID: Type.Integer(),
  SortOrder: Type.Integer(),
})

/** Swagger `VariationCombinationRowDto`: column name → the child's value (`ProductID`: its SKU). */
export const VariationCombinationRowDto = Type.Object({
  Row: Type.Record(Type.String(), VariationDimensionValueDto),
})

/** Swagger `VariationCombinationDto`. */
export const VariationCombinationDto = Type.Object({
  Columns: Type.Array(Type.String()),
  CompanyId: Type.Integer(),
  MatrixParentID: Nullable(Type.String()),
  IsMatrixAvailable: Type.Boolean(),
  IsMatrixChild: Type.Boolean(),
  TotalResults: Type.Integer(),
  Rows: Type.Array(VariationCombinationRowDto),
  UsedDimensions: Type.Array(MatrixProductDimension),
})

/** Swagger `MatrixProductDimensionImage`. */
export const MatrixProductDimensionImage = Type.Object({
  ID: Type.Integer(),
  ProductID: Type.String(),
  DimensionID: Type.Integer(),
  ValueID: Type.Integer(),
  ImageID: Type.Integer(),
})

/** Swagger `VariationDimensionValuesImagesDto`. */
export const VariationDimensionValuesImagesDto = Type.Object({
  Name: Type.String(),
  ValueID: Type.Integer(),
  Images: Type.Array(MatrixProductDimensionImage),
})

/** Swagger `VariationDimensionImageGridDto`. */
export const VariationDimensionImageGridDto = Type.Object({
  VariationName: Nullable(Type.String()),
  DimensionID: Type.Integer(),
  Items: Type.Array(VariationDimensionValuesImagesDto),
  UsedDimensions: Type.Array(MatrixProductDimension),
})

/** Swagger `MatrixWithImagesResponse`. */
export const MatrixWithImagesResponse = Type.Object({
  Matrix: VariationCombinationDto,
  Images: VariationDimensionImageGridDto,
})
