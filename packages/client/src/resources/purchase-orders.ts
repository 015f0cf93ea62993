import { paginate, type RequestOptions, type Transport } from '../http.ts'
import type {
  AddPurchaseOrderItemsRequest,
  AddPurchaseOrderTrackingNumbersRequest,
  CreatedPurchaseOrder,
  CreatePurchaseOrderRequest,
  DeletePurchaseOrderTrackingNumbersRequest,
  FilterOf,
  PurchaseOrder,
  PurchaseOrderList,
  PurchaseOrderListItem,
  PurchaseOrderListQuery,
  PurchaseOrderItems,
  PurchaseOrderTrackingNumbers,
  ReceivePurchaseOrderRequest,
  UpdateInvoiceRequest,
  UpdateTrackingRequest,
  UpdatePurchaseOrderItemsRequest,
  UpdatePurchaseOrderRequest,
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
   * Deletes a PO with its lines and tracking numbers (refused once anything is received or while a
   * sales order is linked to it).
   * @example await client.purchaseOrders.delete(7)
   */
  async delete(id: number, options?: RequestOptions): Promise<void> {
    await this.#http.call({ method: 'DELETE', path: `/PurchaseOrders/${id}`, options })
  }

  /**
   * The PO's tracking numbers, oldest first (client setting EnableMultipleTrackingNumbersOnPO on).
   * @example const { TrackingNumbers } = await client.purchaseOrders.trackingNumbers(7)
   */
  trackingNumbers(id: number, options?: RequestOptions): Promise<PurchaseOrderTrackingNumbers> {
    return this.#http.call({
      method: 'GET',
      path: `/PurchaseOrders/${id}/TrackingNumber/Multiple`,
      options,
    })
  }

  /**
   * Adds tracking numbers to a PO; its ShippingStatus follows them (setting
   * EnableMultipleTrackingNumbersOnPO on).
   * @example await client.purchaseOrders.addTrackingNumbers(7, { TrackingNumbers: [{ ShippedOn: '2026-04-01T10:00:00Z', ShippingCarrier: 'UPS', TrackingNumber: '1Z999', ShippingStatus: 2 }] })
   */
  async addTrackingNumbers(
    id: number,
    body: AddPurchaseOrderTrackingNumbersRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({
      method: 'POST',
      path: `/PurchaseOrders/${id}/TrackingNumber/Multiple`,
      body,
      options,
    })
  }

  /**
   * Removes tracking numbers of a PO by their IDs (from `trackingNumbers`).
   * @example await client.purchaseOrders.deleteTrackingNumbers(7, { TrackingNumbersIDs: [3] })
   */
  async deleteTrackingNumbers(
    id: number,
    body: DeletePurchaseOrderTrackingNumbersRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({
      method: 'DELETE',
      path: `/PurchaseOrders/${id}/TrackingNumber/Multiple`,
      body,
      options,
    })
  }

  /**
   * Sets the invoice number and date of a PO (only while the vendor-invoices workflow and multiple
   * invoices are off); null or omitted fields are unchanged.
   * @example await client.purchaseOrders.setInvoice(7, { InvoiceNumber: 'INV-1001', InvoiceDate: '2026-04-02' })
   */
  async setInvoice(
    id: number,
    body: UpdateInvoiceRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({ method: 'PUT', path: `/PurchaseOrders/${id}/Invoice`, body, options })
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

  /**
   * Changes the PO header (company, vendor, description, dates, instructions); null or omitted
   * fields are unchanged.
   * @example await client.purchaseOrders.update(7, { Description: 'Spring restock', VendorId: 3 })
   */
  async update(
    id: number,
    body: UpdatePurchaseOrderRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({ method: 'PUT', path: `/PurchaseOrders/${id}`, body, options })
  }

  /**
   * The PO's items (`PoItemsDto`).
   * @example const { Items } = await client.purchaseOrders.items(7)
   */
  items(id: number, options?: RequestOptions): Promise<PurchaseOrderItems> {
    return this.#http.call({ method: 'GET', path: `/PurchaseOrders/${id}/Items`, options })
  }

  /**
   * Changes quantities, prices and expected dates of PO lines (unit fields in unit mode, case
   * fields in case mode).
   * @example await client.purchaseOrders.updateItems(7, { Items: [{ ID: 31, QtyUnitsOrdered: 8 }] })
   */
  async updateItems(
    id: number,
    body: UpdatePurchaseOrderItemsRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({ method: 'PUT', path: `/PurchaseOrders/${id}/Items`, body, options })
  }

  /**
   * Adds lines to a PO (the create request's item shape); answers the new item IDs.
   * @example const ids = await client.purchaseOrders.addItems(7, [{ ProductID: 'WIDGET-BLUE', QtyUnitsOrdered: 2 }])
   */
  async addItems(
    id: number,
    body: AddPurchaseOrderItemsRequest,
    options?: RequestOptions,
  ): Promise<number[]> {
    const answer: string = await this.#http.call({
      method: 'POST',
      path: `/PurchaseOrders/${id}/items`,
      body,
      options,
    })
    return answer === '' ? [] : answer.split(',').map(Number)
  }
}
