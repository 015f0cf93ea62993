import type { Static } from 'typebox'
import { neutralOf } from '../../wire/neutral.ts'
import {
  ContainerDetails,
  ContainerListItem,
  type ContainerItem,
} from './shipping-containers.schemas.ts'
import type { ShippingContainer } from './shipping-containers.types.ts'

// Domain → wire DTOs of /ShippingContainers, starting from each schema's neutral value.

const totalQty = (c: ShippingContainer) => c.items.reduce((sum, i) => sum + i.qty, 0)

export function toContainerListItem(c: ShippingContainer): Static<typeof ContainerListItem> {
  return {
    ...neutralOf(ContainerListItem),
    ID: c.id,
    ContainerName: c.name,
    CreatedOn: c.created.on,
    ShippedOn: c.shippedOn,
    Notes: c.notes,
    EstimatedArrivalDate: c.estimatedArrival,
    ReceivedDate: null,
    ETAPort: null,
    ReceivingWarehouseID: c.receivingWarehouseId,
    ShippingStatus: c.shippingStatus,
    CompanyID: c.companyId,
    TotalQtyInContainer: totalQty(c),
  }
}

export function toContainerDetails(c: ShippingContainer): Static<typeof ContainerDetails> {
  const dto = neutralOf(ContainerDetails)
  return {
    Details: {
      ...dto.Details,
      ID: c.id,
      CompanyID: c.companyId,
      ContainerName: c.name,
      CreatedOn: c.created.on,
      GetTotalQtyInContainer: totalQty(c),
      ReceivedOnDate: null,
      ReceiveWarehouseID: c.receivingWarehouseId ?? 0,
      EstimatedArrivalDate: c.estimatedArrival,
      ShippingStatus: c.shippingStatus,
      ShippedOn: c.shippedOn,
      InvoiceNumber: c.invoiceNumber,
      Notes: c.notes,
      UpdatedOn: c.updated.on,
    },
    Items: c.items.map((i): Static<typeof ContainerItem> => ({
      ID: i.id,
      POID: i.poId,
      POItemID: i.poItemId,
      ProductID: i.sku,
      QtyShipped: i.qty,
    })),
  }
}
