import { queryString } from './html.ts'

// The orders list's filters: the console's own query names (bookmarkable), and the GET /Orders
// query they become. Pure.

export const ORDERS_PAGE_SIZE = 25

export interface OrderFilters {
  company: string
  status: string
  dropship: string
  shipping: string
  /** Order date from (YYYY-MM-DD, inclusive). */
  from: string
  /** Order date to (YYYY-MM-DD, inclusive: the whole day). */
  to: string
  keyword: string
  page: number
}

const FILTER_NAMES = ['company', 'status', 'dropship', 'shipping', 'from', 'to', 'keyword'] as const

/** The filters of the console URL's query (absent: no filter; page 1 unless a positive integer). */
export function filtersOf(query: Record<string, string>): OrderFilters {
  const text = (name: string) => (query[name] ?? '').trim()
  const page = Number(text('page'))
  return {
    company: text('company'),
    status: text('status'),
    dropship: text('dropship'),
    shipping: text('shipping'),
    from: text('from'),
    to: text('to'),
    keyword: text('keyword'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
}

/** A date-only "to" covers its whole day; anything else goes to the API as typed. */
export function endOfDay(to: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to
}

/** The GET /rest/api/Orders path for the filters (the API validates every value). */
export function ordersApiPath(f: OrderFilters): string {
  return `/rest/api/Orders${queryString({
    companyID: f.company,
    orderStatus: f.status,
    dropShipStatus: f.dropship,
    shippingStatus: f.shipping,
    orderFromDate: f.from,
    orderToDate: f.to === '' ? '' : endOfDay(f.to),
    keyword: f.keyword,
    pageNumber: f.page,
    pageSize: ORDERS_PAGE_SIZE,
  })}`
}

/** The console URL of the filters at `page` (for the pager). */
export function ordersPageUrl(f: OrderFilters, page: number): string {
  const params: Record<string, string | number> = {}
  for (const name of FILTER_NAMES) {
    params[name] = f[name]
  }
  return `/console/orders${queryString({ ...params, page: page > 1 ? page : '' })}`
}

/** The API's ModelState key → the console's filter name (so its message shows beside the control). */
export const FILTER_ERROR_KEYS: Readonly<Record<string, readonly string[]>> = {
  company: ['companyID', 'companyID[0]'],
  status: ['orderStatus', 'orderStatus[0]'],
  dropship: ['dropShipStatus'],
  shipping: ['shippingStatus'],
  from: ['orderFromDate'],
  to: ['orderToDate'],
  keyword: ['keyword'],
}
