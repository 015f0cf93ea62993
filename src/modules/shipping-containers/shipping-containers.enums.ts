/** Container shipping status (Create Shipping Container doc). */
export const ContainerShippingStatus = {
  Arrived: 0,
  NotArrived: 1,
  Shipped: 2,
  NotShipped: 3,
  ReceivingErrors: 4,
} as const
