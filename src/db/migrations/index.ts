import type { Migration } from 'kysely/migration'
import * as createReferenceData from './2026-11-29T1200_create_reference_data.ts'
import * as createPurchaseOrders from './2026-11-29T1300_create_purchase_orders.ts'
import * as createCustomers from './2026-11-29T1305_create_customers.ts'
import * as createOrders from './2026-11-29T1310_create_orders.ts'
import * as productSkuUniqueCi from './2026-11-29T1450_product_sku_unique_ci.ts'
import * as createDropshipLinks from './2026-11-29T1500_create_dropship_links.ts'
import * as createIdempotencyKeys from './2026-11-29T1600_create_idempotency_keys.ts'
import * as userTokenVersion from './2026-12-01T0900_user_token_version.ts'
import * as linkCounters from './2026-12-01T1000_link_counters.ts'
import * as orderFilters from './2026-12-01T1100_order_filters.ts'
import * as catalogFields from './2026-12-01T1200_catalog_fields.ts'
import * as createInventory from './2026-12-01T1300_create_inventory.ts'
import * as inventoryLedgerUnindexed from './2026-12-02T0000_inventory_ledger_unindexed.ts'
import * as orderPackages from './2026-12-02T0100_order_packages.ts'
import * as orderPayments from './2026-12-02T0200_order_payments.ts'
import * as poEdits from './2026-12-02T0500_po_edits.ts'
import * as poTrackingNumbers from './2026-12-02T0600_po_tracking_numbers.ts'
import * as shippingContainers from './2026-12-02T0700_shipping_containers.ts'
import * as componentLinks from './2026-12-02T0800_component_links.ts'
import * as faults from './2026-12-03T0200_faults.ts'
import * as requestJournal from './2026-12-03T0300_request_journal.ts'
import * as sandboxClock from './2026-12-03T0400_sandbox_clock.ts'
import * as snapshots from './2026-12-03T0500_snapshots.ts'
import * as productPrices from './2026-12-04T0100_product_prices.ts'
import * as catalogViews from './2026-12-04T0200_catalog_views.ts'
import * as referenceLists from './2026-12-04T0300_reference_lists.ts'
import * as variations from './2026-12-04T0400_variations.ts'
import * as vendorProducts from './2026-12-04T0500_vendor_products.ts'
import * as customColumns from './2026-12-04T0600_custom_columns.ts'
import * as consoleSessions from './2026-12-05T0100_console_sessions.ts'

/** Every migration, by name. Names sort in the order they run; add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '2026-11-29T1200_create_reference_data': createReferenceData,
  '2026-11-29T1300_create_purchase_orders': createPurchaseOrders,
  '2026-11-29T1305_create_customers': createCustomers,
  '2026-11-29T1310_create_orders': createOrders,
  '2026-11-29T1450_product_sku_unique_ci': productSkuUniqueCi,
  '2026-11-29T1500_create_dropship_links': createDropshipLinks,
  '2026-11-29T1600_create_idempotency_keys': createIdempotencyKeys,
  '2026-12-01T0900_user_token_version': userTokenVersion,
  '2026-12-01T1000_link_counters': linkCounters,
  '2026-12-01T1100_order_filters': orderFilters,
  '2026-12-01T1200_catalog_fields': catalogFields,
  '2026-12-01T1300_create_inventory': createInventory,
  '2026-12-02T0000_inventory_ledger_unindexed': inventoryLedgerUnindexed,
  '2026-12-02T0100_order_packages': orderPackages,
  '2026-12-02T0200_order_payments': orderPayments,
  '2026-12-02T0500_po_edits': poEdits,
  '2026-12-02T0600_po_tracking_numbers': poTrackingNumbers,
  '2026-12-02T0700_shipping_containers': shippingContainers,
  '2026-12-02T0800_component_links': componentLinks,
  '2026-12-03T0200_faults': faults,
  '2026-12-03T0300_request_journal': requestJournal,
  '2026-12-03T0400_sandbox_clock': sandboxClock,
  '2026-12-03T0500_snapshots': snapshots,
  '2026-12-04T0100_product_prices': productPrices,
  '2026-12-04T0200_catalog_views': catalogViews,
  '2026-12-04T0300_reference_lists': referenceLists,
  '2026-12-04T0400_variations': variations,
  '2026-12-04T0500_vendor_products': vendorProducts,
  '2026-12-04T0600_custom_columns': customColumns,
  '2026-12-05T0100_console_sessions': consoleSessions,
}
