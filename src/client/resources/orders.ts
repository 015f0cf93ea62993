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
}
