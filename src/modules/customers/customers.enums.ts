// Sellercloud enums of customers (2022 Swagger file). Each value object is the one source of its
// values; the schemas derive from it.

/** Create uses 0 WholeSale / 1 Retail (the list filter reverses them; both as in Swagger). */
export const CUSTOMER_TYPE = { WholeSale: 0, Retail: 1 } as const
