import { Type } from 'typebox'

/** Swagger `IDataItem[Int32,String]`. */
export const KeyValueItem = Type.Object({ Key: Type.Integer(), Value: Type.String() })

export const PaymentTermList = Type.Array(KeyValueItem)
