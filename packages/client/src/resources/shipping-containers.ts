import type { Static } from 'typebox'
import type { RequestOptions, Transport } from '../http.ts'
import type {
  ContainerDetails,
  ContainerItemsRequest,
  ContainerList,
  ContainerListQuery,
  CreateContainerRequest,
  UpdateContainerRequest,
} from '../../../../src/modules/shipping-containers/index.ts'

export type CreateShippingContainerRequest = Static<typeof CreateContainerRequest>
export type UpdateShippingContainerRequest = Static<typeof UpdateContainerRequest>
export type ShippingContainerItemsRequest = Static<typeof ContainerItemsRequest>
export type ShippingContainerListQuery = Partial<Static<typeof ContainerListQuery>>
export type ShippingContainerList = Static<typeof ContainerList>
export type ShippingContainer = Static<typeof ContainerDetails>

/**
 * PO shipping containers: `/ShippingContainers`, `/ShippingContainers/{id}`, `…/{id}/Items`
 * (client setting "Enable Shipping Containers For PO" on).
 */
export class ShippingContainersResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * Creates a container; answers `{ Id }`.
   * @example const { Id } = await client.shippingContainers.create({ ContainerName: 'MSCU1234567', ReceivingWarehouseID: 1 })
   */
  create(body: CreateShippingContainerRequest, options?: RequestOptions): Promise<{ Id: number }> {
    return this.#http.call({ method: 'POST', path: '/ShippingContainers', body, options })
  }

  /**
   * One page of containers, newest first (`pageSize` at most 50).
   * @example const page = await client.shippingContainers.list({ poIds: [7] })
   */
  list(
    query: ShippingContainerListQuery = {},
    options?: RequestOptions,
  ): Promise<ShippingContainerList> {
    return this.#http.call({ method: 'GET', path: '/ShippingContainers', query, options })
  }

  /**
   * One container with its PO items.
   * @example const c = await client.shippingContainers.get(3); c.Details.GetTotalQtyInContainer
   */
  get(id: number, options?: RequestOptions): Promise<ShippingContainer> {
    return this.#http.call({ method: 'GET', path: `/ShippingContainers/${id}`, options })
  }

  /**
   * Updates `GeneralDetails` (null or omitted fields are unchanged).
   * @example await client.shippingContainers.update(3, { GeneralDetails: { ShippingStatus: 2 } })
   */
  async update(
    id: number,
    body: UpdateShippingContainerRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({ method: 'PUT', path: `/ShippingContainers/${id}`, body, options })
  }

  /**
   * Sets the units of PO items in the container (0 takes an item out).
   * @example await client.shippingContainers.setItems(3, { Items: [{ POID: 7, POItemID: 31, QtyShipped: 10 }] })
   */
  async setItems(
    id: number,
    body: ShippingContainerItemsRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({
      method: 'POST',
      path: `/ShippingContainers/${id}/Items`,
      body,
      options,
    })
  }
}
