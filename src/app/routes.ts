import type { FastifyInstance } from 'fastify'
import { registerAdminApi } from '../modules/admin/index.ts'
import { registerFaultRoutes } from '../modules/faults/index.ts'
import { registerAuthRoutes } from '../modules/auth/index.ts'
import { registerJournalRoutes } from '../modules/journal/index.ts'
import { registerSandboxClockRoutes } from '../modules/sandbox-clock/index.ts'
import { registerSnapshotRoutes } from '../modules/snapshots/index.ts'
import { registerCompanyRoutes } from '../modules/catalog/companies/index.ts'
import {
  findPurchaseOrderSkus,
  registerPurchaseOrderRoutes,
} from '../modules/purchase-orders/index.ts'
import { registerPaymentTermRoutes } from '../modules/catalog/payment-terms/index.ts'
import { registerBrandRoutes } from '../modules/catalog/brands/index.ts'
import { registerManufacturerRoutes } from '../modules/catalog/manufacturers/index.ts'
import { registerProductConditionRoutes } from '../modules/catalog/product-conditions/index.ts'
import { registerProductTypeRoutes } from '../modules/catalog/product-types/index.ts'
import {
  findProductsBySkus,
  productSkusOfCompaniesQuery,
  registerProductPriceRoutes,
  registerProductRoutes,
  touchProducts,
} from '../modules/catalog/products/index.ts'
import { registerVariationRoutes } from '../modules/catalog/variations/index.ts'
import { registerViewAdminRoutes, registerViewRoutes } from '../modules/catalog/views/index.ts'
import {
  catalogCustomColumns,
  registerCustomColumnAdminRoutes,
  registerCustomColumnRoutes,
} from '../modules/catalog/custom-columns/index.ts'
import { registerVendorRoutes } from '../modules/catalog/vendors/index.ts'
import { registerWarehouseRoutes } from '../modules/catalog/warehouses/index.ts'
import { registerCustomerRoutes } from '../modules/customers/index.ts'
import {
  registerOrderEditRoutes,
  registerOrderRoutes,
  registerOrderShippingRoutes,
} from '../modules/orders/index.ts'
import {
  inventoryFigures,
  onHandFigures,
  physicalQtySkus,
  registerInventoryLedgerRoutes,
  registerInventoryReadRoutes,
  registerInventoryWriteRoutes,
} from '../modules/inventory/index.ts'
import {
  findLinkedPoIds,
  registerCrossdockLinkRoutes,
  registerCrossdockRoutes,
} from '../flows/crossdock/index.ts'
import {
  containerUnitsByPoItem,
  registerShippingContainerRoutes,
} from '../modules/shipping-containers/index.ts'
import type { AppDeps } from './deps.ts'
import { registerOps, type RateLimitsState } from './ops.routes.ts'

// The route table: every module's routes, mounted under `/rest/api` (and the `/api` alias). The
// only place that knows every module: collaborators one module needs from another are injected here.

export function registerApiRoutes(api: FastifyInstance, deps: AppDeps): void {
  registerAuthRoutes(api, deps)
  registerCompanyRoutes(api, deps)
  registerPurchaseOrderRoutes(api, {
    ...deps,
    inventoryFigures: onHandFigures,
    containerUnits: containerUnitsByPoItem,
  })
  registerVendorRoutes(api, {
    ...deps,
    catalog: { findProductsBySkus, touchProducts, productSkusOfCompaniesQuery },
  })
  registerWarehouseRoutes(api, deps)
  registerPaymentTermRoutes(api, deps)
  registerProductTypeRoutes(api, deps)
  registerManufacturerRoutes(api, deps)
  registerBrandRoutes(api, deps)
  registerProductConditionRoutes(api, deps)
  registerVariationRoutes(api, deps)
  registerProductRoutes(api, {
    ...deps,
    purchaseOrderSkus: findPurchaseOrderSkus,
    inventoryFigures,
    physicalQtySkus,
    catalogCustomColumns,
  })
  // Saved views read the catalog as GET /Catalog does: the same collaborators.
  registerViewRoutes(api, {
    ...deps,
    purchaseOrderSkus: findPurchaseOrderSkus,
    inventoryFigures,
    physicalQtySkus,
    catalogCustomColumns,
  })
  registerCustomColumnRoutes(api, deps)
  registerProductPriceRoutes(api, deps)
  registerCustomerRoutes(api, deps)
  registerOrderRoutes(api, { ...deps, linkedPoIds: findLinkedPoIds })
  registerOrderEditRoutes(api, deps)
  registerOrderShippingRoutes(api, deps)
  registerCrossdockRoutes(api, deps)
  registerInventoryWriteRoutes(api, deps)
  registerInventoryReadRoutes(api, deps)
  registerShippingContainerRoutes(api, deps)
}

export function registerAdminRoutes(admin: FastifyInstance, deps: AppDeps): void {
  registerAdminApi(admin, deps)
  registerInventoryLedgerRoutes(admin, deps)
  registerJournalRoutes(admin)
  registerFaultRoutes(admin, deps)
  registerSandboxClockRoutes(admin, deps)
  registerSnapshotRoutes(admin, deps)
  registerCustomColumnAdminRoutes(admin, deps)
  registerViewAdminRoutes(admin, deps)
  registerCrossdockLinkRoutes(admin, deps)
}

export function registerOpsRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  rateLimits: () => RateLimitsState,
): void {
  registerOps(app, deps, rateLimits)
}
