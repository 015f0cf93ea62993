import { Type } from 'typebox'

/** Swagger `IDataItem[Int32,String]` list: `{ Key: brand ID, Value: name }`. */
export const BrandList = Type.Array(Type.Object({ Key: Type.Integer(), Value: Type.String() }))
