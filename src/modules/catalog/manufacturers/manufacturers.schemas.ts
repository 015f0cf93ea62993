import { Type } from 'typebox'

export const ManufacturersQuery = Type.Object({
  companyId: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Company ID' }),
})

/** Swagger `IDataItem[Int32,String]` list: `{ Key: manufacturer ID, Value: name }`. */
export const ManufacturerList = Type.Array(
  Type.Object({ Key: Type.Integer(), Value: Type.String() }),
)
