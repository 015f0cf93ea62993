import type { Static } from 'typebox'
import { dateRangeInterval, DATE_RANGE, type DateRange } from '../../wire/date-range.ts'
import { paymentStatusesOf, YES_NO_ALL } from '../../wire/enums.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { ORDER_BY } from './orders.enums.ts'
import { UNSUPPORTED_ORDER_FILTERS, type OrderListQuery } from './orders.list.schemas.ts'
import type { OrderDateBound, OrderDateColumn, OrderSort } from './orders.repository.ts'
import type { OrderListFilter } from './orders.service.ts'

// GET /Orders: the Swagger's query parameters → the repository's filter and sort. Pure.

export type OrderListQueryType = Static<typeof OrderListQuery>

const SORT_COLUMNS: Record<number, OrderSort> = {
  [ORDER_BY.OrderID]: 'id',
  [ORDER_BY.OrderDate]: 'order_date',
  [ORDER_BY.OrderStatus]: 'order_status',
  [ORDER_BY.ShipDate]: 'ship_date',
  [ORDER_BY.ShippingStatus]: 'shipping_status',
}

function rangeBound(
  column: OrderDateColumn,
  range: number | undefined,
  now: Date,
): OrderDateBound[] {
  if (range === undefined || range === DATE_RANGE.AllDates) {
    return []
  }
  const interval = dateRangeInterval(range as DateRange, now)
  return [{ column, gte: interval.from, lt: interval.before }]
}

function pairBound(column: OrderDateColumn, from?: string, to?: string): OrderDateBound[] {
  return from === undefined && to === undefined ? [] : [{ column, from, to }]
}

/**
 * The filter of a GET /Orders query at `now` (the server's clock, for date ranges). A filter
 * Crossdock cannot answer (UNSUPPORTED_ORDER_FILTERS) is a 400 naming it.
 * @example orderFilterOf({ dateRange: DATE_RANGE.Today }, clock.now())
 */
export function orderFilterOf(q: OrderListQueryType, now: Date): OrderListFilter {
  const problems = new ModelStateBuilder()
  for (const [name, reason] of Object.entries(UNSUPPORTED_ORDER_FILTERS)) {
    const value = q[name as keyof typeof UNSUPPORTED_ORDER_FILTERS]
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      problems.add(name, reason)
    }
  }
  problems.throwIfAny()
  return {
    ids: q.orderIDs,
    companyIds: q.companyID,
    orderStatuses: q.orderStatus,
    channel: q.channel,
    orderSubType: q.orderSubType,
    dates: [
      ...rangeBound('order_date', q.dateRange, now),
      ...rangeBound('created_on', q.createdOnDateRange, now),
      ...rangeBound('last_updated', q.updatedFromDateRange, now),
      ...rangeBound('ship_date', q.shipDateRange, now),
      ...rangeBound('payment_date', q.paymentDateRange, now),
      ...pairBound('created_on', q.createdOnFrom, q.createdOnTo),
      ...pairBound('order_date', q.orderFromDate, q.orderToDate),
      ...pairBound('last_updated', q.lastUpdatedFrom, q.lastUpdatedTo),
      ...pairBound('ship_date', q.shipFromDate, q.shipToDate),
    ],
    orderSourceOrderIds: q.orderSourceOrderIDList,
    customerEmail: q.customerEmail,
    customerId: q.userID,
    warehouseIds: q.warehouseID,
    dropshipStatus: q.dropShipStatus,
    shippingStatus: q.shippingStatus,
    paymentStatuses: paymentStatusesOf(q.paymentStatus),
    trackingNumber: q.trackingNumber,
    // Crossdock never exports to QuickBooks and has no replacement orders: "Yes" selects nothing,
    // "No" and "All" every order.
    none: q.qBExported === YES_NO_ALL.Yes || q.replacementOrder === YES_NO_ALL.Yes,
    sku: q.sKU,
    keyword: q.keyword,
  }
}

/**
 * The sort of a GET /Orders query: `orderBy` (OrderID when omitted), descending unless
 * `isAscending=true` (ASP.NET binds a missing bool as false), so the default is newest first.
 */
export function orderSortOf(q: OrderListQueryType): { column: OrderSort; ascending: boolean } {
  return {
    column: SORT_COLUMNS[q.orderBy ?? ORDER_BY.OrderID] ?? 'id',
    ascending: q.isAscending ?? false,
  }
}
