import type { Static } from 'typebox'
import { neutralOf } from '../../../wire/neutral.ts'
import { PRODUCT_ID_COLUMN } from './variations.fixtures.ts'
import {
  MatrixWithImagesResponse,
  VariationDimensionResponseDto,
  VariationDimensionValueDto,
} from './variations.schemas.ts'
import type { DimensionValue, ProductVariation, VariationDimension } from './variations.service.ts'

// Domain → wire, from each DTO's neutral value. Texts Crossdock keeps empty are null on the wire.

const textOrNull = (text: string) => (text === '' ? null : text)

function toValueDto(v: DimensionValue): Static<typeof VariationDimensionValueDto> {
  return {
    ...neutralOf(VariationDimensionValueDto),
    ID: v.id,
    DimensionID: v.dimensionId,
    Value: v.value,
    Abbreviation: textOrNull(v.abbreviation),
    SortOrder: v.sortOrder,
  }
}

/** GET /Catalog/VariationDimensions' item. `ClientID` is 0: Crossdock is one Sellercloud client. */
export function toDimensionDto(
  d: VariationDimension,
): Static<typeof VariationDimensionResponseDto> {
  return {
    ...neutralOf(VariationDimensionResponseDto),
    UniqueName: d.uniqueName,
    ID: d.id,
    Name: d.name,
    Abbreviation: textOrNull(d.abbreviation),
    ManufacturerName: textOrNull(d.manufacturerName),
    ProductTypeName: textOrNull(d.productTypeName),
    Values: d.values.map(toValueDto),
  }
}

/**
 * GET /Catalog/Variation: `Columns` are `ProductID` then the dimensions' unique names (primary
 * first); each row maps them to the child's SKU (a value with ID 0) and its dimension values.
 * The image grid lists the primary dimension's values the children use, with no images.
 */
export function toMatrixDto(v: ProductVariation): Static<typeof MatrixWithImagesResponse> {
  const dto = neutralOf(MatrixWithImagesResponse)
  dto.Matrix.CompanyId = v.product.companyId
  dto.Matrix.IsMatrixChild = v.isChild
  if (v.parentSku === null) {
    return dto
  }
  const parentSku = v.parentSku
  const used = v.dimensions.map((d, i) => ({
    IsPrimary: i === 0,
    ProductID: parentSku,
    DimensionID: d.id,
    SortOrder: i,
  }))
  dto.Matrix = {
    ...dto.Matrix,
    Columns: [PRODUCT_ID_COLUMN, ...v.dimensions.map((d) => d.uniqueName)],
    MatrixParentID: parentSku,
    IsMatrixAvailable: true,
    TotalResults: v.totalChildren,
    Rows: v.children.map((c) => {
      const row: Record<string, Static<typeof VariationDimensionValueDto>> = {
        [PRODUCT_ID_COLUMN]: { ...neutralOf(VariationDimensionValueDto), Value: c.sku },
      }
      for (const d of v.dimensions) {
        const value = c.values.get(d.id)
        if (value !== undefined) {
          row[d.uniqueName] = toValueDto(value)
        }
      }
      return { Row: row }
    }),
    UsedDimensions: used,
  }
  const primary = v.dimensions[0]!
  const usedValueIds = new Set(v.children.map((c) => c.values.get(primary.id)?.id))
  dto.Images = {
    VariationName: primary.name,
    DimensionID: primary.id,
    Items: primary.values
      .filter((value) => usedValueIds.has(value.id))
      .map((value) => ({ Name: value.value, ValueID: value.id, Images: [] })),
    UsedDimensions: used,
  }
  return dto
}
