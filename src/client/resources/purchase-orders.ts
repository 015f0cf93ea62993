import { paginate, type RequestOptions, type Transport } from '../http.ts'
import type {
  CreatedPurchaseOrder,
  CreatePurchaseOrderRequest,
  FilterOf,
  PurchaseOrder,
  PurchaseOrderList,
  PurchaseOrderListItem,
  PurchaseOrderListQuery,
  ReceivePurchaseOrderRequest,
  UpdateTrackingRequest,
} from '../types.ts'

/** Purchase orders: `/PurchaseOrders`, `/PurchaseOrders/{id}`, `…/TrackingNumber`, `…/receive`. */
export class PurchaseOrdersResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * Creates a purchase order; answers `{ Id }` as Sellercloud does.
   * @example
   * const { Id } = await client.purchaseOrders.create({
   *   CompanyID: 1, VendorID: 2, POType: 0, CaseQtyMode: false, DefaultWarehouseID: 1,
   *   Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 10, UnitPrice: 4.25 }],
   * })
   */
  create(
    body: CreatePurchaseOrderRequest,
    options?: RequestOptions,
  ): Promise<CreatedPurchaseOrder> {
    return this.#http.call({ method: 'POST', path: '/PurchaseOrders', body, options })
  }

  /**
   * One purchase order with items, totals and statuses.
   * @example const po = await client.purchaseOrders.get(7); po.TotalInfo.GrandTotal
   */
  get(id: number, options?: RequestOptions): Promise<PurchaseOrder> {
    return this.#http.call({ method: 'GET', path: `/PurchaseOrders/${id}`, options })
  }

  /**
   * One page of purchase orders, newest first (`pageSize` at most 50).
   * @example const page = await client.purchaseOrders.list({ companyIDList: [1], pOStatuses: [0] })
   */
  list(query: PurchaseOrderListQuery = {}, options?: RequestOptions): Promise<PurchaseOrderList> {
    return this.#http.call({
      method: 'GET',
      path: '/PurchaseOrders',
      query,
      queryPrefix: 'model.',
      options,
    })
  }

  /**
   * Every purchase order matching the filter, fetched page by page.
   * @example for await (const po of client.purchaseOrders.iterate({ receivedStatuses: [0] })) {}
   */
  iterate(
    filter: FilterOf<PurchaseOrderListQuery> = {},
    options?: RequestOptions,
  ): AsyncGenerator<PurchaseOrderListItem, void, undefined> {
    return paginate((pageNumber, pageSize) =>
      this.list({ ...filter, pageNumber, pageSize }, options),
    )
  }

  /**
   * Sets the single tracking number (and carrier, ship date) of a PO.
   * @example await client.purchaseOrders.updateTracking(7, { TrackingNumber: '1Z999', ShippedViaCarrier: 'UPS' })
   */
  async updateTracking(
    id: number,
    body: UpdateTrackingRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({
      method: 'PUT',
      path: `/PurchaseOrders/${id}/TrackingNumber`,
      body,
      options,
    })
  }

  /**
   * Receives quantities on PO lines (`ID` is the PO item ID).
   * @example await client.purchaseOrders.receive(7, { Items: [{ ID: 31, QtyToReceive: 10 }] })
   */
  async receive(
    id: number,
    body: ReceivePurchaseOrderRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({ method: 'POST', path: `/PurchaseOrders/${id}/receive`, body, options })
  }
}
