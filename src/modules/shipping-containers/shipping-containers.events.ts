// Events the shipping-containers module emits, inside the transaction of the change.

export interface ContainerChanged {
  id: number
  companyId: number
  name: string
  /** The wire fields the request changed (`ContainerName`, `ShippingStatus`…); all on create. */
  changed: string[]
  userId: number
  now: string
}

export interface ContainerItemsChanged {
  id: number
  companyId: number
  /** Each PO item the request touched, with its units in this container before and after. */
  items: Array<{ poId: number; poItemId: number; sku: string; before: number; after: number }>
  userId: number
  now: string
}

export interface ShippingContainerEvents {
  'container.created': ContainerChanged
  'container.updated': ContainerChanged
  'container.items-changed': ContainerItemsChanged
}
