import type { ChangeStamp } from '../purchase-orders/index.ts'

// Domain objects of the shipping-containers module (camelCase).

export interface ContainerItem {
  id: number
  containerId: number
  poId: number
  poItemId: number
  sku: string
  qty: number
}

export interface ShippingContainer {
  id: number
  companyId: number
  name: string
  receivingWarehouseId: number | null
  shippingStatus: number | null
  shippedOn: string | null
  estimatedArrival: string | null
  invoiceNumber: string
  notes: string
  created: ChangeStamp
  updated: ChangeStamp
  items: ContainerItem[]
}
