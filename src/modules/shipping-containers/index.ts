// The face of the shipping-containers module (PO shipping containers).
export { registerShippingContainerRoutes } from './shipping-containers.routes.ts'
export type {
  ContainerChanged,
  ContainerItemsChanged,
  ShippingContainerEvents,
} from './shipping-containers.events.ts'
export { ContainerShippingStatus } from './shipping-containers.enums.ts'
export { subscribeShippingContainers } from './guard-container-pos.ts'
// Units of PO items in containers, for the PO items' QtyInContainer (through the app root).
export { containerUnitsByPoItem } from './shipping-containers.repository.ts'
// Wire schemas, for the SDK's types.
export {
  ContainerDetails,
  ContainerItemsRequest,
  ContainerList,
  ContainerListQuery,
  CreateContainerRequest,
  UpdateContainerRequest,
} from './shipping-containers.schemas.ts'
