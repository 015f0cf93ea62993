// Events the orders module emits, inside the transaction of the change (src/db/events.ts).

export interface OrderCreated {
  id: number
  companyId: number
  customerId: number
  /** Per item: what inventory will reserve (kits as their components, in `components`). */
  items: Array<{
    id: number
    sku: string
    qty: number
    warehouseId: number | null
    components: Array<{ sku: string; qty: number }>
  }>
  userId: number
  /** ISO-8601 `Z`. */
  now: string
}

export interface OrderEvents {
  'order.created': OrderCreated
}
