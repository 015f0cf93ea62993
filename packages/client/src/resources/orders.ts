import { paginate, type RequestOptions, type Transport } from '../http.ts'
import type {
  CreateOrderRequest,
  FilterOf,
  LinkToPoRequest,
  Order,
  OrderList,
  OrderListItem,
  OrderListQuery,
  OrderNote,
  AddOrderNoteRequest,
  ReceiveCheckRequest,
  ReceiveManualPaymentRequest,
} from '../types.ts'
import type {
  OrderPackageList,
  ShipOrderRequest,
  ShipPackageRequest,
  UnshipOrdersRequest,
} from '../types.ts'
import type {
  AddOrderItemsRequest,
  DeleteOrderItemsRequest,
  UpdateOrderItemsRequest,
  UpdateOrderRequest,
} from '../types.ts'
import type {
  CrossdockLinkList,
  CrossdockLinksQuery,
  UpdateOrdersDropshipStatusRequest,
  UpdateOrdersStatusRequest,
} from '../types.ts'

/** Sales orders: `/Orders`, `/Orders/{id}`, `/Orders/Notes`, `/Orders/{orderID}/LinkToPo`. */
export class OrdersResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * Creates a sales order and returns its ID.
   * @example
   * const id = await client.orders.create({
   *   CustomerDetails: { Email: 'jane@example.com', FirstName: 'Jane', LastName: 'Doe' },
   *   OrderDetails: { CompanyID: 1, Channel: 0, OrderSourceOrderID: 'WEB-1001' },
   *   Products: [{ ProductID: 'WIDGET-RED', Qty: 2 }],
   * })
   */
  create(body: CreateOrderRequest, options?: RequestOptions): Promise<number> {
    return this.#http.call({ method: 'POST', path: '/Orders', body, options })
  }

  /**
   * One order with its items, statuses and totals.
   * @example const order = await client.orders.get(1001); order.Statuses.DropshipStatus
   */
  get(id: number, options?: RequestOptions): Promise<Order> {
    return this.#http.call({ method: 'GET', path: `/Orders/${id}`, options })
  }

  /**
   * One page of orders (`pageSize` at most 50).
   * @example const { Items, TotalResults } = await client.orders.list({ companyID: [1], pageSize: 50 })
   */
  list(query: OrderListQuery = {}, options?: RequestOptions): Promise<OrderList> {
    return this.#http.call({
      method: 'GET',
      path: '/Orders',
      query,
      queryPrefix: 'model.',
      options,
    })
  }

  /**
   * Every order matching the filter, fetched page by page.
   * @example for await (const order of client.orders.iterate({ dropShipStatus: 1 })) console.log(order.ID)
   */
  iterate(
    filter: FilterOf<OrderListQuery> = {},
    options?: RequestOptions,
  ): AsyncGenerator<OrderListItem, void, undefined> {
    return paginate((pageNumber, pageSize) =>
      this.list({ ...filter, pageNumber, pageSize }, options),
    )
  }

  /**
   * The notes of an order.
   * @example const notes = await client.orders.notes(1001)
   */
  notes(id: number, options?: RequestOptions): Promise<OrderNote[]> {
    return this.#http.call({ method: 'GET', path: '/Orders/Notes', query: { id }, options })
  }

  /**
   * Links an order (all of it, or `Items`) to a new or existing purchase order; returns the PO ID.
   * @example const poId = await client.orders.linkToPo(1001, { NewPo: { CompanyID: 1, VendorID: 2 } })
   */
  linkToPo(orderId: number, body: LinkToPoRequest, options?: RequestOptions): Promise<number> {
    return this.#http.call({ method: 'POST', path: `/Orders/${orderId}/LinkToPo`, body, options })
  }

  /**
   * Crossdock's `GET /admin/crossdock/links` (admins): the link lines of an order or a PO, each
   * order item with the PO line it is linked to and the units.
   * @example const { Items } = await client.orders.crossdockLinks({ orderId: 1001 })
   */
  crossdockLinks(query: CrossdockLinksQuery, options?: RequestOptions): Promise<CrossdockLinkList> {
    return this.#http.call({ method: 'GET', path: '/crossdock/links', query, admin: true, options })
  }

  /**
   * Receives a manual payment (cash, PayPal, wire, …); `Amount` omitted pays the balance due.
   * @example await client.orders.receivePayment(1001, { PaymentMethod: 4, Amount: 25 })
   */
  async receivePayment(
    orderId: number,
    body: ReceiveManualPaymentRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({
      method: 'PUT',
      path: `/Orders/${orderId}/ReceiveManualPayment`,
      body,
      options,
    })
  }

  /**
   * Receives a check; `Amount` omitted pays the balance due.
   * @example await client.orders.receiveCheck(1001, { CheckNumber: '10442', Amount: 25 })
   */
  async receiveCheck(
    orderId: number,
    body: ReceiveCheckRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({ method: 'PUT', path: `/Orders/${orderId}/ReceiveCheck`, body, options })
  }

  /**
   * Adds a note to an order (`Category` omitted: General).
   * @example await client.orders.addNote(1001, { Message: 'Call before delivery', Category: 1 })
   */
  async addNote(
    orderId: number,
    body: AddOrderNoteRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({ method: 'POST', path: `/Orders/${orderId}/Notes`, body, options })
  }

  /**
   * Changes an order's fields (null or omitted: unchanged; addresses in the AddressLine1 shape).
   * @example await client.orders.update(1001, { ShippingAddress: { AddressLine1: '5 New Ave' } })
   */
  async update(orderId: number, body: UpdateOrderRequest, options?: RequestOptions): Promise<void> {
    await this.#http.call({ method: 'PUT', path: `/Orders/${orderId}`, body, options })
  }

  /**
   * Adds lines to an order (as create's Products[]); answers Sellercloud's message.
   * @example await client.orders.addItems(1001, [{ ProductID: 'WIDGET-RED', Qty: 2 }])
   */
  addItems(
    orderId: number,
    items: AddOrderItemsRequest,
    options?: RequestOptions,
  ): Promise<string> {
    return this.#http.call({
      method: 'POST',
      path: `/Orders/${orderId}/items`,
      body: items,
      options,
    })
  }

  /**
   * Changes order lines (`OrderItemID` and the fields to change); answers Sellercloud's message.
   * @example await client.orders.updateItems(1001, [{ OrderItemID: 7, Qty: 3 }])
   */
  updateItems(
    orderId: number,
    items: UpdateOrderItemsRequest,
    options?: RequestOptions,
  ): Promise<string> {
    return this.#http.call({
      method: 'PUT',
      path: `/Orders/${orderId}/items`,
      body: items,
      options,
    })
  }

  /**
   * Removes order lines by item ID; answers Sellercloud's message.
   * @example await client.orders.deleteItems(1001, [7, 8])
   */
  deleteItems(
    orderId: number,
    itemIds: DeleteOrderItemsRequest,
    options?: RequestOptions,
  ): Promise<string> {
    return this.#http.call({
      method: 'DELETE',
      path: `/Orders/${orderId}/items`,
      body: itemIds,
      options,
    })
  }

  /**
   * Ships the whole order: one package with the tracking, measures, declared value and cost.
   * @example await client.orders.ship({ OrderID: 1001, ShippingCarrier: 'UPS', ShippingService: 'Ground', TrackingNumber: '1Z…' })
   */
  async ship(body: ShipOrderRequest, options?: RequestOptions): Promise<void> {
    await this.#http.call({ method: 'PUT', path: '/Orders/ShippingStatus', body, options })
  }

  /**
   * Ships the order, or updates the tracking of one package (`PackageID`; omitted: the first).
   * @example await client.orders.shipPackage({ OrderID: 1001, CarrierName: 'FedEx', ShippingMethod: 'Home', TrackingNumber: '7777' })
   */
  async shipPackage(body: ShipPackageRequest, options?: RequestOptions): Promise<void> {
    await this.#http.call({
      method: 'PUT',
      path: '/Orders/ShippingStatus/SinglePackage',
      body,
      options,
    })
  }

  /**
   * Unships orders (all or nothing): stock returns, packages are voided.
   * @example await client.orders.unship({ Orders: [1001, 1002] })
   */
  async unship(body: UnshipOrdersRequest, options?: RequestOptions): Promise<void> {
    await this.#http.call({ method: 'PUT', path: '/Orders/SetUnshipped', body, options })
  }

  /**
   * The packages of an order (`Results`, oldest first).
   * @example const { Results } = await client.orders.packages(1001); Results[0]?.TrackingNumber
   */
  packages(
    id: number,
    page: { pageNumber?: number; pageSize?: number } = {},
    options?: RequestOptions,
  ): Promise<OrderPackageList> {
    return this.#http.call({
      method: 'GET',
      path: '/Orders/Packages',
      query: { id, ...page },
      options,
    })
  }

  /**
   * Sets the status code of orders, all or nothing (name or number; `Cancelled` releases the
   * reservations and takes the orders off their open POs). Answers the IDs whose status changed.
   * @example const changed = await client.orders.setStatus({ Orders: [1001, 1002], Status: 200 })
   */
  setStatus(body: UpdateOrdersStatusRequest, options?: RequestOptions): Promise<number[]> {
    return this.#http.call({ method: 'PUT', path: '/Orders/StatusCode', body, options })
  }

  /**
   * Sets the dropship status of orders, all or nothing; None takes them off their linked POs'
   * not-yet-received units. Answers the IDs whose status changed.
   * @example await client.orders.setDropshipStatus({ Orders: [1001], DropshipStatus: 0 })
   */
  setDropshipStatus(
    body: UpdateOrdersDropshipStatusRequest,
    options?: RequestOptions,
  ): Promise<number[]> {
    return this.#http.call({ method: 'PUT', path: '/Orders/DropshipStatus', body, options })
  }

  /**
   * Deletes an order (refused for a shipped order and one linked to a PO).
   * @example await client.orders.delete(1001)
   */
  async delete(id: number, options?: RequestOptions): Promise<void> {
    await this.#http.call({ method: 'DELETE', path: `/Orders/${id}`, options })
  }
}
