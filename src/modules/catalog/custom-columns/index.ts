// The face of the custom-columns module: definitions per entity type (Product so far) and the
// products' values.
export { registerCustomColumnRoutes } from './custom-columns.routes.ts'
export { registerCustomColumnAdminRoutes } from './custom-columns.admin.routes.ts'
export {
  catalogCustomColumns,
  listCustomColumnDefinitions,
  productCustomColumns,
  type CustomColumnDefinition,
  type CustomColumnValue,
} from './custom-columns.service.ts'
// Reference-data writes of fixtures.
export {
  writeCustomColumnFixtures,
  type CustomColumnFixture,
  type ProductValuesFixture,
} from './custom-columns.fixtures.ts'
export { CustomColumnDataTypeValues } from './custom-columns.enums.ts'
export {
  AdminCustomColumn,
  AdminCustomColumnList,
  CustomColumnCreate,
  CustomColumnDataType,
  ProductCustomColumnList,
  UpdateCustomColumn,
  UpdateCustomColumnsRequest,
} from './custom-columns.schemas.ts'
