import type { FastifyInstance } from 'fastify'
import { registerAdminApi } from '../modules/admin/admin.routes.ts'
import { registerAuthRoutes } from '../modules/auth/auth.routes.ts'
import { registerCompanyRoutes } from '../modules/catalog/companies/companies.routes.ts'
import { registerPurchaseOrderRoutes } from '../modules/purchase-orders/purchase-orders.routes.ts'
import { registerPaymentTermRoutes } from '../modules/catalog/payment-terms/payment-terms.routes.ts'
import { registerProductRoutes } from '../modules/catalog/products/products.routes.ts'
import { registerVendorRoutes } from '../modules/catalog/vendors/vendors.routes.ts'
import { registerWarehouseRoutes } from '../modules/catalog/warehouses/warehouses.routes.ts'
import { registerCustomerRoutes } from '../modules/customers/customers.routes.ts'
import { registerOrderRoutes } from '../modules/orders/orders.routes.ts'
import { registerDropshipRoutes } from '../modules/dropship/dropship.routes.ts'
import type { AppDeps } from './deps.ts'
import { registerOps } from './ops.routes.ts'

// The route table: every module's routes, mounted under `/rest/api` (and the `/api` alias).

export function registerApiRoutes(api: FastifyInstance, deps: AppDeps): void {
  registerAuthRoutes(api, deps)
  registerCompanyRoutes(api, deps)
  registerPurchaseOrderRoutes(api, deps)
  registerVendorRoutes(api, deps)
  registerWarehouseRoutes(api, deps)
  registerPaymentTermRoutes(api, deps)
  registerProductRoutes(api, deps)
  registerCustomerRoutes(api, deps)
  registerOrderRoutes(api, deps)
  registerDropshipRoutes(api, deps)
}

export function registerAdminRoutes(admin: FastifyInstance, deps: AppDeps): void {
  registerAdminApi(admin, deps)
}

export function registerOpsRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerOps(app, deps)
}
