import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { DatabaseConfig } from '../config.ts'
import { GroupCommitSqliteDialect } from './sqlite-group-commit.ts'
import type { AppSecretTable, AppUserTable } from '../modules/auth/users.table.ts'
import type { CompanyTable } from '../modules/catalog/companies/companies.table.ts'
import type { PaymentTermTable } from '../modules/catalog/payment-terms/payment-terms.table.ts'
import type {
  CustomColumnDefinitionTable,
  ProductCustomValueTable,
} from '../modules/catalog/custom-columns/custom-columns.table.ts'
import type {
  KitComponentTable,
  ProductChannelPriceTable,
  ProductTable,
} from '../modules/catalog/products/products.table.ts'
import type { VendorProductTable, VendorTable } from '../modules/catalog/vendors/vendors.table.ts'
import type { WarehouseTable } from '../modules/catalog/warehouses/warehouses.table.ts'
import type { BrandTable } from '../modules/catalog/brands/brands.table.ts'
import type { ManufacturerTable } from '../modules/catalog/manufacturers/manufacturers.table.ts'
import type { ProductConditionTable } from '../modules/catalog/product-conditions/product-conditions.table.ts'
import type { ProductTypeTable } from '../modules/catalog/product-types/product-types.table.ts'
import type { CatalogViewTable } from '../modules/catalog/views/views.table.ts'
import type {
  ProductVariationDimensionTable,
  ProductVariationTable,
  ProductVariationValueTable,
  VariationDimensionTable,
  VariationDimensionValueTable,
} from '../modules/catalog/variations/variations.table.ts'
import type {
  DropshipLinkLineTable,
  DropshipLinkPoTable,
  DropshipLinkSkuTable,
  DropshipLinkTable,
  DropshipLinkTotalTable,
} from '../flows/crossdock/crossdock-links.table.ts'
import type { ClientSettingTable } from '../modules/settings/settings.table.ts'
import type { IdempotencyKeyTable } from '../modules/idempotency/idempotency.table.ts'
import type { RequestJournalTable } from '../modules/journal/journal.table.ts'
import type { FaultRuleTable } from '../modules/faults/faults.table.ts'
import type { SandboxClockTable } from '../modules/sandbox-clock/sandbox-clock.table.ts'
import type { ConsoleSessionTable } from '../modules/console-sessions/console-sessions.table.ts'
import type { SandboxSnapshotTable } from '../modules/snapshots/snapshots.table.ts'
import type { CustomerTable } from '../modules/customers/customers.table.ts'
import type {
  OrderItemBundleTable,
  OrderNoteTable,
  SalesOrderItemTable,
  SalesOrderTable,
} from '../modules/orders/orders.table.ts'
import type { OrderPaymentTable } from '../modules/orders/orders.payments.table.ts'
import type {
  OrderPackageItemTable,
  OrderPackageTable,
} from '../modules/orders/orders.packages.table.ts'
import type {
  PurchaseOrderItemTable,
  PurchaseOrderTable,
} from '../modules/purchase-orders/purchase-orders.table.ts'
import type { PurchaseOrderTrackingTable } from '../modules/purchase-orders/purchase-orders.tracking.table.ts'
import type {
  ShippingContainerItemTable,
  ShippingContainerTable,
} from '../modules/shipping-containers/shipping-containers.table.ts'

import type {
  InventoryBalanceTable,
  InventoryCostTable,
  InventoryLedgerTable,
  InventoryReservationTable,
} from '../modules/inventory/inventory.table.ts'

/** Every table of every module. Modules add their tables here and nowhere else. */
export interface DB {
  dropship_link: DropshipLinkTable
  dropship_link_line: DropshipLinkLineTable
  dropship_link_total: DropshipLinkTotalTable
  dropship_link_po: DropshipLinkPoTable
  dropship_link_sku: DropshipLinkSkuTable
  app_secret: AppSecretTable
  app_user: AppUserTable
  company: CompanyTable
  vendor: VendorTable
  vendor_product: VendorProductTable
  warehouse: WarehouseTable
  payment_term: PaymentTermTable
  product: ProductTable
  kit_component: KitComponentTable
  custom_column_definition: CustomColumnDefinitionTable
  product_custom_value: ProductCustomValueTable
  product_type: ProductTypeTable
  manufacturer: ManufacturerTable
  brand: BrandTable
  product_condition: ProductConditionTable
  catalog_view: CatalogViewTable
  product_channel_price: ProductChannelPriceTable
  variation_dimension: VariationDimensionTable
  variation_dimension_value: VariationDimensionValueTable
  product_variation_dimension: ProductVariationDimensionTable
  product_variation: ProductVariationTable
  product_variation_value: ProductVariationValueTable
  client_setting: ClientSettingTable
  customer: CustomerTable
  sales_order: SalesOrderTable
  sales_order_item: SalesOrderItemTable
  order_item_bundle: OrderItemBundleTable
  order_note: OrderNoteTable
  order_payment: OrderPaymentTable
  order_package: OrderPackageTable
  order_package_item: OrderPackageItemTable
  purchase_order: PurchaseOrderTable
  purchase_order_item: PurchaseOrderItemTable
  purchase_order_tracking: PurchaseOrderTrackingTable
  shipping_container: ShippingContainerTable
  shipping_container_item: ShippingContainerItemTable
  idempotency_key: IdempotencyKeyTable
  request_journal: RequestJournalTable
  sandbox_clock: SandboxClockTable
  console_session: ConsoleSessionTable
  sandbox_snapshot: SandboxSnapshotTable
  inventory_ledger: InventoryLedgerTable
  inventory_balance: InventoryBalanceTable
  inventory_cost: InventoryCostTable
  inventory_reservation: InventoryReservationTable
  fault_rule: FaultRuleTable
}

export type Database = Kysely<DB>

// pg returns int8 and numeric as strings; our int8 columns hold minor units far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value))
pg.types.setTypeParser(1700, (value) => Number(value))

export function createDb(config: DatabaseConfig): Database {
  if (config.dialect === 'sqlite') {
    const inMemory = config.path === ':memory:'
    if (!inMemory) {
      mkdirSync(dirname(config.path), { recursive: true })
    }
    const sqlite = new SQLite(config.path)
    if (!inMemory) {
      sqlite.pragma('journal_mode = WAL')
    }
    sqlite.pragma(`synchronous = ${config.synchronous}`)
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 10000')
    return new Kysely<DB>({ dialect: new GroupCommitSqliteDialect(withStatementCache(sqlite)) })
  }
  // Every wait is bounded (docs/reliability.md, "Limits"): the settings go in the startup packet, so
  // they hold from the first statement; a wait that runs out is answered 503 DATABASE_BUSY.
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: config.poolAcquireTimeoutMs,
    lock_timeout: config.lockTimeoutMs,
    statement_timeout: config.statementTimeoutMs,
    idle_in_transaction_session_timeout: config.idleTxTimeoutMs,
  })
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => {})
  // Nor may a checked-out one's: the server ends a transaction left idle too long with a FATAL
  // error that arrives while no query runs, and pg emits it as an 'error' event on the client.
  pool.on('connect', (client) => client.on('error', () => {}))
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  pools.set(db, { pool, max: config.poolSize })
  return db
}

const pools = new WeakMap<Database, { pool: pg.Pool; max: number }>()

export interface PoolState {
  /** Connections open (busy and idle). */
  total: number
  idle: number
  /** Requests waiting for a connection. */
  waiting: number
  max: number
}

/** The PostgreSQL pool's state for `/ready`; undefined for SQLite. */
export function poolState(db: Database): PoolState | undefined {
  const entry = pools.get(db)
  if (entry === undefined) {
    return undefined
  }
  const { pool, max } = entry
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }
}

const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely's SQLite driver prepares every statement on every execution; preparing costs more than
 * running a small query. This keeps the most recently used prepared statements by SQL text.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>()
  const prepare = sqlite.prepare.bind(sqlite)
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        return Reflect.get(target, property, receiver) as unknown
      }
      return (source: string) => {
        let statement = cache.get(source)
        if (statement === undefined) {
          statement = prepare(source)
          if (cache.size >= STATEMENT_CACHE_SIZE) {
            cache.delete(cache.keys().next().value!)
          }
          cache.set(source, statement)
        }
        return statement
      }
    },
  })
}

/**
 * Cheap reachability check for start-up and `/ready`. With `timeoutMs`, gives up waiting (for a
 * pool connection or the answer) after that long; the query itself is left to the pool's timeouts.
 */
export async function pingDb(db: Database, timeoutMs?: number): Promise<void> {
  const ping = sql`select 1`.execute(db)
  if (timeoutMs === undefined) {
    await ping
    return
  }
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  ping.catch(() => {}) // after a time-out, its late failure must not go unhandled
  try {
    await Promise.race([ping, expired])
  } finally {
    clearTimeout(timer)
  }
}
