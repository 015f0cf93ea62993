import { Type } from 'typebox'
import { SellercloudEnum } from '../../../wire/schemas.ts'
import {
  AmazonConditionValues,
  BuyComConditionValues,
  EbayConditionValues,
  NewEggConditionValues,
  SearsConditionValues,
} from './product-conditions.enums.ts'

export const NewEggCondition = SellercloudEnum('NewEggCondition', NewEggConditionValues)
export const SearsCondition = SellercloudEnum('SearsCondition', SearsConditionValues)
export const BuyComCondition = SellercloudEnum('BuyComCondition', BuyComConditionValues)
export const EbayCondition = SellercloudEnum('EbayCondition', EbayConditionValues)
export const AmazonCondition = SellercloudEnum('AmazonCondition', AmazonConditionValues)

const describe = (schema: object) => (schema as { description?: string }).description

/** Swagger `ProductConditionInHouse`, in its key order. Channel mappings are integers out. */
export const ProductConditionInHouse = Type.Object({
  ConditionNote: Type.String(),
  NewEggDotComConditionID: Type.Integer({ description: describe(NewEggCondition) }),
  SearsCondition: Type.Integer({ description: describe(SearsCondition) }),
  BuyDotComConditionID: Type.Integer({ description: describe(BuyComCondition) }),
  eBayConditionID: Type.Integer({ description: describe(EbayCondition) }),
  ClientID: Type.Integer(),
  AmazonConditionID: Type.Integer({ description: describe(AmazonCondition) }),
  SortOrder: Type.Integer(),
  ID: Type.Integer(),
  ConditionName: Type.String(),
  ReverbCondition: Type.Integer(),
})

export const ProductConditionList = Type.Array(ProductConditionInHouse)
