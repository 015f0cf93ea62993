import { ValidationError } from '../../shared/errors.ts'
import type { UpdateContainerBody } from './shipping-containers.schemas.ts'
import type { ShippingContainerUpdate } from './shipping-containers.table.ts'
import type { ShippingContainer } from './shipping-containers.types.ts'

// Pure rules of PUT /ShippingContainers/{id}: no I/O, unit-tested beside.

/**
 * The columns a `GeneralDetails` update changes and the wire fields behind them. Null or omitted
 * fields stay as they are; values equal to the stored ones are no change.
 */
export function planContainerUpdate(
  container: ShippingContainer,
  body: UpdateContainerBody,
): { update: ShippingContainerUpdate; changed: string[] } {
  const d = body.GeneralDetails ?? {}
  const update: ShippingContainerUpdate = {}
  const changed: string[] = []
  const set = <K extends keyof ShippingContainerUpdate>(
    field: string,
    column: K,
    value: ShippingContainerUpdate[K] | null | undefined,
    current: unknown,
  ) => {
    if (value !== null && value !== undefined && value !== current) {
      update[column] = value
      changed.push(field)
    }
  }
  if (d.ContainerName != null && d.ContainerName.trim() === '') {
    throw ValidationError.field('GeneralDetails.ContainerName', 'ContainerName cannot be empty.')
  }
  set('ContainerName', 'container_name', d.ContainerName?.trim(), container.name)
  set(
    'EstimatedArrivalDate',
    'estimated_arrival',
    d.EstimatedArrivalDate,
    container.estimatedArrival,
  )
  set(
    'ReceivingWarehouseID',
    'receiving_warehouse_id',
    d.ReceivingWarehouseID,
    container.receivingWarehouseId,
  )
  set('ShippingStatus', 'shipping_status', d.ShippingStatus, container.shippingStatus)
  set('ShippedOn', 'shipped_on', d.ShippedOn, container.shippedOn)
  set('InvoiceNumber', 'invoice_number', d.InvoiceNumber?.trim(), container.invoiceNumber)
  set('Notes', 'notes', d.Notes, container.notes)
  return { update, changed }
}
