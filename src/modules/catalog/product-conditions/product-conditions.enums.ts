// Channel condition mappings of Swagger `ProductConditionInHouse`, each once (value objects).

export const NewEggConditionValues = {
  New: 0,
  Refurbished: 1,
  UsedLikeNew: 2,
  UsedVeryGood: 3,
  UsedGood: 4,
  UsedAcceptable: 5,
  Unknown: -1,
} as const

export const SearsConditionValues = {
  New: 0,
  Refurbished_Manufacturer_Authorized: 1,
  Used_Like_New: 3,
  Used_Very_Good: 4,
  Used_Good: 5,
  Used_Acceptable: 6,
  Used_Poor: 7,
  Refurbished_Seller: 101,
} as const

export const BuyComConditionValues = {
  Default: 0,
  Brand_New: 1,
  Used_Like_New: 2,
  Used_Very_Good: 3,
  Used_Good: 4,
  Used_Acceptable: 5,
  Refurbished: 10,
  Open_Box: 11,
} as const

export const EbayConditionValues = {
  Unknown: 0,
  New: 1000,
  New_Other: 1500,
  New_With_Defects: 1750,
  Manufacturer_Refurbished: 2000,
  Excellent_Refurbished: 2010,
  Very_Good_Refurbished: 2020,
  Good_Refurbished: 2030,
  Seller_Refurbished: 2500,
  Like_New: 2750,
  Used: 3000,
  Very_Good: 4000,
  Good: 5000,
  Acceptable: 6000,
  For_Parts_Not_Working: 7000,
} as const

export const AmazonConditionValues = {
  Unknown: 0,
  Used_Like_New: 1,
  Used_Very_Good: 2,
  Used_Good: 3,
  Used_Acceptable: 4,
  Collectible_Like_New: 5,
  Collectible_Very_Good: 6,
  Collectible_Good: 7,
  Collectible_Acceptable: 8,
  Refurbished: 10,
  New: 11,
} as const
