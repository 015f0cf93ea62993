import { Transport, type ClientOptions } from './http.ts'
import { InventoryResource } from './resources/inventory.ts'
import { OrdersResource } from './resources/orders.ts'
import { PurchaseOrdersResource } from './resources/purchase-orders.ts'
import { ShippingContainersResource } from './resources/shipping-containers.ts'
import { createSandbox, type SandboxResource } from './resources/sandbox.ts'
import { catalogVariations, type CatalogVariations } from './resources/variations.ts'
import { catalogViews, type CatalogViews } from './resources/catalog-views.ts'
import { catalogProducts, type CatalogProducts } from './resources/catalog.ts'
import {
  catalogProductTypes,
  ProductConditionsResource,
  SettingsListsResource,
  type CatalogProductTypes,
} from './resources/reference-lists.ts'
import { VendorsResource } from './resources/vendors.ts'
import {
  CustomersResource,
  ListResource,
  PaymentTermsResource,
  ProductsResource,
  type CompaniesResource,
  type WarehousesResource,
} from './resources/reference.ts'
import type { TokenResponse } from './types.ts'

/** The API client: one property per resource. Build it with `createClient`. */
export interface CrossdockClient {
  orders: OrdersResource
  purchaseOrders: PurchaseOrdersResource
  companies: CompaniesResource
  vendors: VendorsResource
  warehouses: WarehousesResource
  paymentTerms: PaymentTermsResource
  products: ProductsResource
  /** `/Catalog/...` reads: variations, saved views (more catalog methods join this group). */
  catalog: CatalogProducts & CatalogVariations & CatalogViews & CatalogProductTypes
  /** `/Settings/Manufacturers` and `/Settings/Brands`. */
  settings: SettingsListsResource
  productConditions: ProductConditionsResource
  customers: CustomersResource
  inventory: InventoryResource
  shippingContainers: ShippingContainersResource
  /** Crossdock's sandbox controls (admins only): reset, snapshots, faults, clock, request journal. */
  sandbox: SandboxResource
  /** The API root every path is appended to (`…/rest/api`). */
  readonly baseUrl: string
  /** The current bearer token (logs in on first use, renews before expiry). */
  token(): Promise<string>
  /** Logs in now, whatever the cache holds, and returns the token answer. */
  logIn(): Promise<TokenResponse>
}

/**
 * A client for Crossdock or a real Sellercloud server: only `baseUrl` differs.
 * @example
 * const client = createClient({ baseUrl: 'http://127.0.0.1:8080', username: 'admin', password: 'secret123' })
 * const orderId = await client.orders.create({ ... })
 * for await (const po of client.purchaseOrders.iterate({ companyIDList: [1] })) console.log(po.ID)
 */
export function createClient(options: ClientOptions): CrossdockClient {
  const http = new Transport(options)
  return {
    orders: new OrdersResource(http),
    purchaseOrders: new PurchaseOrdersResource(http),
    companies: new ListResource(http, '/Companies'),
    vendors: new VendorsResource(http),
    warehouses: new ListResource(http, '/Warehouses'),
    paymentTerms: new PaymentTermsResource(http),
    products: new ProductsResource(http),
    catalog: {
      ...catalogProducts(http),
      ...catalogVariations(http),
      ...catalogViews(http),
      ...catalogProductTypes(http),
    },
    settings: new SettingsListsResource(http),
    productConditions: new ProductConditionsResource(http),
    customers: new CustomersResource(http),
    inventory: new InventoryResource(http),
    shippingContainers: new ShippingContainersResource(http),
    sandbox: createSandbox(http),
    baseUrl: http.root,
    token: () => http.token(),
    logIn: async () => (await http.logIn()).response,
  }
}
