import { paginate, type RequestOptions, type Transport } from '../http.ts'
import type {
  CatalogItem,
  CatalogList,
  CatalogQuery,
  Company,
  CompanyList,
  CompanyListQuery,
  CreateCustomerRequest,
  CreateProductRequest,
  Customer,
  CustomerList,
  CustomerListItem,
  CustomerListQuery,
  FilterOf,
  Page,
  PaymentTerm,
  ProductCustomColumn,
  Warehouse,
  WarehouseList,
  UpdateCustomColumn,
  WarehouseListQuery,
} from '../types.ts'

// Reference data (companies, vendors, warehouses, payment terms), products and customers.

type Item<L> = L extends { Items: (infer T)[] } ? T : never

/** A read-only list + get resource such as `/Vendors` and `/Vendors/{id}`. */
export class ListResource<Q extends object, L extends Page<unknown>, D> {
  readonly #http: Transport
  readonly #path: string
  constructor(http: Transport, path: string) {
    this.#http = http
    this.#path = path
  }

  /**
   * One page (`pageSize` at most 50).
   * @example const { Items } = await client.vendors.list({ activeStatus: 1 })
   */
  list(query: Q = {} as Q, options?: RequestOptions): Promise<L> {
    return this.#http.call({
      method: 'GET',
      path: this.#path,
      query: query as Record<string, never>,
      queryPrefix: 'model.',
      options,
    })
  }

  /**
   * One record by ID.
   * @example const vendor = await client.vendors.get(2)
   */
  get(id: number, options?: RequestOptions): Promise<D> {
    return this.#http.call({ method: 'GET', path: `${this.#path}/${id}`, options })
  }

  /**
   * Every record matching the filter, page by page.
   * @example for await (const w of client.warehouses.iterate()) console.log(w.Name)
   */
  iterate(
    filter: FilterOf<Q> = {} as FilterOf<Q>,
    options?: RequestOptions,
  ): AsyncGenerator<Item<L>, void, undefined> {
    return paginate(
      (pageNumber, pageSize) =>
        this.list({ ...filter, pageNumber, pageSize } as Q, options) as Promise<Page<Item<L>>>,
    )
  }
}

export type CompaniesResource = ListResource<CompanyListQuery, CompanyList, Company>
export type WarehousesResource = ListResource<WarehouseListQuery, WarehouseList, Warehouse>

/** `GET /Settings/PaymentTerms`. */
export class PaymentTermsResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * Every payment term as `{ Key, Value }`.
   * @example const terms = await client.paymentTerms.list()
   */
  list(options?: RequestOptions): Promise<PaymentTerm[]> {
    return this.#http.call({ method: 'GET', path: '/Settings/PaymentTerms', options })
  }
}

/** `POST /Products` and `GET /Catalog`. */
export class ProductsResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * Creates a product (a kit with `KitComponents`); returns its ID, the SKU.
   * @example await client.products.create({ CompanyId: 1, ProductSKU: 'NEW-1', ProductName: 'New', ProductTypeName: 'General' })
   */
  create(body: CreateProductRequest, options?: RequestOptions): Promise<string> {
    return this.#http.call({ method: 'POST', path: '/Products', body, options })
  }

  /**
   * One page of the catalog.
   * @example const { Items } = await client.products.catalog({ sKU: ['KIT-STARTER'] })
   */
  catalog(query: CatalogQuery = {}, options?: RequestOptions): Promise<CatalogList> {
    return this.#http.call({
      method: 'GET',
      path: '/Catalog',
      query,
      queryPrefix: 'model.',
      options,
    })
  }

  /**
   * Every catalog product matching the filter, page by page.
   * @example for await (const p of client.products.iterate({ companyID: [1] })) console.log(p.ID)
   */
  iterate(
    filter: FilterOf<CatalogQuery> = {},
    options?: RequestOptions,
  ): AsyncGenerator<CatalogItem, void, undefined> {
    return paginate((pageNumber, pageSize) =>
      this.catalog({ ...filter, pageNumber, pageSize }, options),
    )
  }

  /**
   * `GET /Products/CustomColumns`: every product custom column with this product's value (null: none).
   * @example const columns = await client.products.customColumns('WIDGET-RED')
   */
  customColumns(productID: string, options?: RequestOptions): Promise<ProductCustomColumn[]> {
    return this.#http.call({
      method: 'GET',
      path: '/Products/CustomColumns',
      query: { productID },
      options,
    })
  }

  /**
   * `PUT /Products/CustomColumns`: sets these columns' values (null or "" clears one).
   * @example await client.products.setCustomColumns('WIDGET-RED', [{ ColumnName: 'Season', Value: 'Summer' }])
   */
  async setCustomColumns(
    productID: string,
    columns: UpdateCustomColumn[],
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({
      method: 'PUT',
      path: '/Products/CustomColumns',
      body: { ProductID: productID, CustomColumns: columns },
      options,
    })
  }
}

/** `POST /Customers`, `GET /Customers` and `GET /Customers/{id}`. */
export class CustomersResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * Creates a customer; returns its ID.
   * @example const id = await client.customers.create({ CompanyID: 1, FirstName: 'Jane', Email: 'jane@example.com' })
   */
  create(body: CreateCustomerRequest, options?: RequestOptions): Promise<number> {
    return this.#http.call({ method: 'POST', path: '/Customers', body, options })
  }

  /**
   * One customer.
   * @example const customer = await client.customers.get(5); customer.General.Email
   */
  get(id: number, options?: RequestOptions): Promise<Customer> {
    return this.#http.call({ method: 'GET', path: `/Customers/${id}`, options })
  }

  /**
   * One page of customers, newest first (`pageSize` at most 50).
   * @example const { Items } = await client.customers.list({ customerType: 1, keyword: 'ada' })
   */
  list(query: CustomerListQuery = {}, options?: RequestOptions): Promise<CustomerList> {
    return this.#http.call({
      method: 'GET',
      path: '/Customers',
      query,
      queryPrefix: 'model.',
      options,
    })
  }

  /**
   * Every customer matching the filter, fetched page by page.
   * @example for await (const c of client.customers.iterate({ companyIds: [1] })) console.log(c.Email)
   */
  iterate(
    filter: FilterOf<CustomerListQuery> = {},
    options?: RequestOptions,
  ): AsyncGenerator<CustomerListItem, void, undefined> {
    return paginate((pageNumber, pageSize) =>
      this.list({ ...filter, pageNumber, pageSize }, options),
    )
  }
}
