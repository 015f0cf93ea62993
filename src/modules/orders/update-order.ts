import type { Transaction } from 'kysely'
import type { WriteContext } from '../../db/context.ts'
import type { DB } from '../../db/database.ts'
import { inTransaction } from '../../db/transaction.ts'
import { assertCompanyAccess, canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { AppError, NotFoundError } from '../../shared/errors.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { getUserView } from '../auth/index.ts'
import { findCompany } from '../catalog/companies/index.ts'
import { findProductsBySkus } from '../catalog/products/index.ts'
import { findCustomer } from '../customers/index.ts'
import { mergeAddress, orderUpdateProblems, sameAddress } from './edit-order.rules.ts'
import { updateOrderRow } from './orders.edits.repository.ts'
import type { UpdateOrderBody } from './orders.edits.schemas.ts'
import type { OrderEvents } from './orders.events.ts'
import { lockOrderRowById } from './orders.repository.ts'
import { findOrder } from './orders.service.ts'
import type { SalesOrderUpdate } from './orders.table.ts'
import type { Order } from './orders.types.ts'

/** Locks the order for the caller's transaction and reads it; 404 unknown, 403 another company's. */
export async function lockOrderForEdit(
  trx: Transaction<DB>,
  user: AuthUser,
  orderId: number,
): Promise<Order> {
  const row = await lockOrderRowById(trx, orderId)
  if (row === undefined) {
    throw new NotFoundError('ORDER_NOT_FOUND', `Order ${orderId} was not found.`)
  }
  assertCompanyAccess(user, row.company_id, `order ${orderId}`)
  return (await findOrder(trx, orderId))!
}

interface Plan {
  changed: string[]
  values: SalesOrderUpdate
}

/** The fields whose value changes, their new column values, and every reference problem. */
async function planUpdate(
  trx: Transaction<DB>,
  user: AuthUser,
  order: Order,
  body: UpdateOrderBody,
  problems: ModelStateBuilder,
): Promise<Plan> {
  const changed: string[] = []
  const values: SalesOrderUpdate = {}
  const company = body.CompanyId
  if (company != null && company !== order.companyId) {
    // As on create: the access check runs first, so another company's existence is not revealed.
    assertCompanyAccess(user, company, `company ${company}`)
    changed.push('CompanyId')
    values.company_id = company
    if ((await findCompany(trx, company)) === undefined) {
      problems.add('CompanyId', `Company ${company} does not exist.`)
    } else {
      const products = await findProductsBySkus(
        trx,
        order.items.map((i) => i.sku),
      )
      for (const item of order.items) {
        const owner = products.get(item.sku)?.companyId
        if (owner !== undefined && owner !== company) {
          problems.add(
            'CompanyId',
            `Product ${item.sku} of order item ${item.id} belongs to company ${owner}, not to company ${company}.`,
          )
        }
      }
    }
  }
  const customerId = body.CustomerId
  if (customerId != null && customerId !== order.customerId) {
    changed.push('CustomerId')
    const found = await findCustomer(trx, customerId)
    const customer = found !== undefined && canAccessCompany(user, found.companyId) ? found : null
    if (customer === null) {
      problems.add('CustomerId', `Customer ${customerId} does not exist.`)
    } else {
      values.customer_id = customer.id
      values.customer_email = customer.email
      values.customer_first_name = customer.firstName
      values.customer_last_name = customer.lastName
      values.customer_business = customer.businessName
    }
  }
  const rep = body.SalesRep1
  if (rep != null && rep !== order.salesRep) {
    changed.push('SalesRep1')
    values.sales_rep = rep
    if (rep > 0) {
      try {
        await getUserView(trx, rep)
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'USER_NOT_FOUND') {
          throw error
        }
        problems.add('SalesRep1', `User ${rep} does not exist.`)
      }
    }
  }
  if (body.OrderSource != null && body.OrderSource !== order.channel) {
    changed.push('OrderSource')
    values.channel = body.OrderSource
  }
  if (body.OrderSubType != null && body.OrderSubType !== order.orderSubType) {
    changed.push('OrderSubType')
    values.order_sub_type = body.OrderSubType
  }
  if (body.CurrencyCode != null && body.CurrencyCode !== order.currencyCode) {
    changed.push('CurrencyCode')
    values.currency_code = body.CurrencyCode
  }
  const noCount = body.DisableInventoryCount
  if (noCount != null && noCount !== order.disableInventoryCount) {
    changed.push('DisableInventoryCount')
    values.disable_inventory_count = noCount ? 1 : 0
  }
  if (body.ShippingAddress != null) {
    const merged = mergeAddress(order.shippingAddress, body.ShippingAddress)
    if (!sameAddress(merged, order.shippingAddress)) {
      changed.push('ShippingAddress')
      values.shipping_address_json = JSON.stringify(merged)
    }
  }
  if (body.BillingAddress != null) {
    const merged = mergeAddress(order.billingAddress, body.BillingAddress)
    if (!sameAddress(merged, order.billingAddress)) {
      changed.push('BillingAddress')
      values.billing_address_json = JSON.stringify(merged)
    }
  }
  return { changed, values }
}

/**
 * PUT /Orders/{id}: changes the fields sent (null or omitted: unchanged) in one transaction, with
 * the order row locked, and announces `order.updated` in it. A field sent with the value the order
 * already has is no change; a request that changes nothing writes nothing. Refusals
 * (docs/compat.md "Order edits"): a cancelled or void order takes no change, a shipped one keeps
 * its company, shipping address and DisableInventoryCount; all problems in one 400.
 * @example await updateOrder(deps, request.user, 1042, { ShippingAddress: { AddressLine1: '1 Main St' } })
 */
export async function updateOrder(
  ctx: WriteContext<OrderEvents>,
  user: AuthUser,
  orderId: number,
  body: UpdateOrderBody,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const order = await lockOrderForEdit(trx, user, orderId)
    const problems = new ModelStateBuilder()
    const plan = await planUpdate(trx, user, order, body, problems)
    orderUpdateProblems(problems, order, plan.changed)
    problems.throwIfAny()
    if (plan.changed.length === 0) {
      return
    }
    const now = isoNow(ctx.clock)
    await updateOrderRow(trx, orderId, { ...plan.values, last_updated: now })
    await ctx.events.emit(trx, 'order.updated', {
      orderId,
      companyId: plan.values.company_id ?? order.companyId,
      previousCompanyId: order.companyId,
      changed: plan.changed,
      userId: user.id,
      now,
    })
  })
}
