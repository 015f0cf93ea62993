import type { Kysely } from 'kysely'
import { autoIdType } from '../migration-helpers.ts'

// Frozen in time: never import from src/modules here.
// Payments received on sales orders (ReceiveManualPayment, ReceiveCheck): one row per payment, the
// amount in bigint minor units (1/10,000). The order keeps its PaymentStatus and PaymentDate, which
// now change, so the payment date gets the index the order-filters migration left for this step.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_payment')
    .addColumn('id', autoIdType(db), (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('sales_order.id'))
    // Swagger PaymentsHistoryRecord enums: type 1 Information / 2 Payment / 3 Refund; method 1
    // CreditCard … 3 Check, 4 Cash …; status 0 Cleared / 1 NotCleared / 2 Unknown.
    .addColumn('payment_type', 'integer', (c) => c.notNull())
    .addColumn('payment_method', 'integer', (c) => c.notNull())
    .addColumn('payment_status', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    // ReferenceNumber of a manual payment, CheckNumber of a check.
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('payment_date', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('order_payment_order_idx')
    .on('order_payment')
    .columns(['order_id', 'id'])
    .execute()
  await db.schema
    .createIndex('sales_order_payment_date_idx')
    .on('sales_order')
    .column('payment_date')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sales_order_payment_date_idx').execute()
  await db.schema.dropTable('order_payment').execute()
}
