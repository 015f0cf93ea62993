// Sellercloud enums of customers (2022 Swagger file). Each value object is the one source of its
// values; the schemas derive from it.

/** Create uses 0 WholeSale / 1 Retail (the list filter reverses them; both as in Swagger). */
export const CUSTOMER_TYPE = { WholeSale: 0, Retail: 1 } as const

/** The list filter's customer type (GET /Customers `customerType`): 0 Retail / 1 Wholesale. */
export const CUSTOMER_TYPE_FILTER = { Retail: 0, Wholesale: 1 } as const

/** GET /Customers `rating`. Crossdock records no rating: every customer is NotRated. */
export const CUSTOMER_RATING = {
  NotRated: 0,
  Very_Disatisfied: 1,
  Disatisfied: 2,
  Neutral: 3,
  Satisfied: 4,
  Very_Satisfied: 5,
} as const
