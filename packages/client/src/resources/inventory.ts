import { paginate, type RequestOptions, type Transport } from '../http.ts'
import type {
  AdjustPhysicalInventoryRequest,
  FilterOf,
  InventoryDetails,
  InventoryList,
  InventoryListItem,
  InventoryListQuery,
  InventoryWarehouse,
  SetPhysicalInventoryRequest,
  SingleWarehouseStock,
} from '../types.ts'

/** Stock: `GET /Inventory`, its per-product views, and the two physical-inventory writes. */
export class InventoryResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * One page of products with their stock (`pageSize` at most 50).
   * @example const { Items } = await client.inventory.list({ warehouse: [1], physicalQtyFrom: 1 })
   */
  list(query: InventoryListQuery = {}, options?: RequestOptions): Promise<InventoryList> {
    return this.#http.call({
      method: 'GET',
      path: '/Inventory',
      query,
      queryPrefix: 'model.',
      options,
    })
  }

  /**
   * Every product matching the filter, page by page.
   * @example for await (const p of client.inventory.iterate({ companyID: [1] })) console.log(p.ID, p.InventoryAvailableQty)
   */
  iterate(
    filter: FilterOf<InventoryListQuery> = {},
    options?: RequestOptions,
  ): AsyncGenerator<InventoryListItem, void, undefined> {
    return paginate((pageNumber, pageSize) =>
      this.list({ ...filter, pageNumber, pageSize }, options),
    )
  }

  /**
   * `GET /Inventory/Details?productID=`.
   * @example const details = await client.inventory.details('WIDGET-RED')
   */
  details(productId: string, options?: RequestOptions): Promise<InventoryDetails> {
    return this.#http.call({
      method: 'GET',
      path: '/Inventory/Details',
      query: { productID: productId },
      options,
    })
  }

  /**
   * Physical and available units per warehouse (`GET /Inventory/{productID}/Warehouses`), or in
   * one warehouse (`…/Warehouses/{warehouseID}`).
   * @example const rows = await client.inventory.warehouses('WIDGET-RED')
   */
  warehouses(productId: string, options?: RequestOptions): Promise<SingleWarehouseStock[]>
  warehouses(
    productId: string,
    warehouseId: number,
    options?: RequestOptions,
  ): Promise<InventoryWarehouse>
  warehouses(
    productId: string,
    second?: number | RequestOptions,
    third?: RequestOptions,
  ): Promise<SingleWarehouseStock[] | InventoryWarehouse> {
    const path = `/Inventory/${encodeURIComponent(productId)}/Warehouses`
    return typeof second === 'number'
      ? this.#http.call({ method: 'GET', path: `${path}/${second}`, options: third })
      : this.#http.call({ method: 'GET', path, options: second })
  }

  /**
   * `PUT /Inventory/AdjustPhysicalInventory`: adds (`AdjustmentType` 1) or subtracts (0) units.
   * @example await client.inventory.adjust({ ProductID: 'WIDGET-RED', WarehouseID: 1, Qty: 5, AdjustmentType: 1, Reason: 'Cycle count' })
   */
  async adjust(body: AdjustPhysicalInventoryRequest, options?: RequestOptions): Promise<void> {
    await this.#http.call({
      method: 'PUT',
      path: '/Inventory/AdjustPhysicalInventory',
      body,
      options,
    })
  }

  /**
   * `PUT /Inventory/SetPhysicalInventory`: a count (the ledger records the difference).
   * @example await client.inventory.set({ ProductID: 'WIDGET-RED', WarehouseID: 1, PhysicalQty: 12 })
   */
  async set(body: SetPhysicalInventoryRequest, options?: RequestOptions): Promise<void> {
    await this.#http.call({
      method: 'PUT',
      path: '/Inventory/SetPhysicalInventory',
      body,
      options,
    })
  }
}
