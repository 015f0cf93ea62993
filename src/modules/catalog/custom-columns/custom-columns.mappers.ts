import type { Static } from 'typebox'
import { neutralOf } from '../../../wire/neutral.ts'
import { CustomColumnValueDto } from '../../../wire/custom-columns.schemas.ts'
import { CustomColumnDataTypeValues } from './custom-columns.enums.ts'
import type { AdminCustomColumn, ProductCustomColumnDto } from './custom-columns.schemas.ts'
import type { CustomColumnDefinition, CustomColumnValue } from './custom-columns.service.ts'

// Domain → wire. Crossdock has no drop-down columns, HTML pop-ups or required columns: those keys
// stay neutral.

/** GET /Products/CustomColumns's element (`CustomColumnDto` keys). */
export function toProductCustomColumnDto({
  column,
  value,
}: CustomColumnValue): Static<typeof ProductCustomColumnDto> {
  return {
    ID: column.id,
    ColumnName: column.name,
    DisplayName: column.displayName,
    DataType: column.dataType,
    DataLength: column.dataLength,
    IsDropDownColumn: false,
    IsDropDownCustomTextAllowed: false,
    Value: value,
  }
}

/** A catalog item's `CustomColumns` element (`CustomColumnValueDto`). */
export function toCustomColumnValueDto({
  column,
  value,
}: CustomColumnValue): Static<typeof CustomColumnValueDto> {
  return {
    ...neutralOf(CustomColumnValueDto),
    ID: column.id,
    DataType: column.dataType,
    DataLength: column.dataLength,
    ColumnName: column.name,
    DisplayName: column.displayName,
    Value: value,
  }
}

export function toAdminCustomColumn(c: CustomColumnDefinition): Static<typeof AdminCustomColumn> {
  return {
    ID: c.id,
    EntityType: c.entityType,
    Name: c.name,
    DisplayName: c.displayName,
    Type: c.dataType,
    TypeName:
      Object.entries(CustomColumnDataTypeValues).find(([, v]) => v === c.dataType)?.[0] ?? '',
    DataLength: c.dataLength,
    CreatedOn: c.createdOn,
  }
}
