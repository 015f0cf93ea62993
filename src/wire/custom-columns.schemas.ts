import { Type } from 'typebox'
import { Bool, Int, Str } from './dto-fields.ts'

// Custom column read DTOs (Swagger 2022) of sales orders and customers: one definition each.

/** A custom column's name and value (`SingleOrderDataDto.CustomColumns`). */
export const CustomColumnBaseDto = Type.Object({
  ColumnName: Str,
  DisplayName: Str,
  Value: Type.Unknown(),
})

/** One choice of a drop-down custom column. */
export const DataItemDto = Type.Object({
  Key: Str,
  Value: Str,
  Additional: Type.Unknown(),
})

/** A custom column with its definition (`CustomerDetailsDto.CustomColumns`); extends the base DTO, whose keys come last. */
export const CustomColumnValueDto = Type.Object({
  ID: Int,
  DataType: Int,
  DataLength: Int,
  IsDropDownColumn: Bool,
  IsDropDownCustomTextAllowed: Bool,
  IsDropDownAllowMultipleSelection: Bool,
  ClientID: Int,
  NewValue: Type.Unknown(),
  AllowHTMLPopup: Bool,
  DataSourceContainer: Type.Array(DataItemDto),
  IsRequired: Bool,
  ...CustomColumnBaseDto.properties,
})
