import { queryString } from './html.ts'

// The purchase-order list's filters: the console's own query names (a bookmarkable URL) and the
// GET /PurchaseOrders query they become. Pure. The API filters by company, statuses, dates and a
// keyword (PO number, description, vendor note, tracking or invoice number); it has no vendor filter.

export const PO_PAGE_SIZE = 25

export interface PoFilters {
  company: string
  status: string
  receiving: string
  shipping: string
  payment: string
  /** Created from / to (YYYY-MM-DD; "to" covers its whole day). */
  createdFrom: string
  createdTo: string
  /** Received from / to. */
  receivedFrom: string
  receivedTo: string
  keyword: string
  page: number
}

export const PO_FILTER_NAMES = [
  'company',
  'status',
  'receiving',
  'shipping',
  'payment',
  'createdFrom',
  'createdTo',
  'receivedFrom',
  'receivedTo',
  'keyword',
] as const

/** The filters of the console URL's query (absent: no filter; page 1 unless a positive integer). */
export function poFiltersOf(query: Record<string, string>): PoFilters {
  const text = (name: string) => (query[name] ?? '').trim()
  const page = Number(text('page'))
  const filters = Object.fromEntries(PO_FILTER_NAMES.map((name) => [name, text(name)]))
  return {
    ...(filters as Record<(typeof PO_FILTER_NAMES)[number], string>),
    page: Number.isInteger(page) && page > 0 && page < 1_000_000 ? page : 1,
  }
}

/** A date-only "to" covers its whole day; anything else goes to the API as typed. */
export function endOfDay(to: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to
}

/** The GET /rest/api/PurchaseOrders path of the filters (the API validates every value). */
export function poListApiPath(f: PoFilters): string {
  return `/rest/api/PurchaseOrders${queryString({
    companyIDList: f.company,
    pOStatuses: f.status,
    receivedStatuses: f.receiving,
    shippingStatuses: f.shipping,
    paymentStatus: f.payment,
    createDateFrom: f.createdFrom,
    createDateTo: f.createdTo === '' ? '' : endOfDay(f.createdTo),
    receiveDateFrom: f.receivedFrom,
    receiveDateTo: f.receivedTo === '' ? '' : endOfDay(f.receivedTo),
    keyword: f.keyword,
    pageNumber: f.page,
    pageSize: PO_PAGE_SIZE,
  })}`
}

/** The console URL of the filters at `page` (for the pager). */
export function poListUrl(f: PoFilters, page: number): string {
  const params: Record<string, string | number> = {}
  for (const name of PO_FILTER_NAMES) {
    params[name] = f[name]
  }
  return `/console/purchase-orders${queryString({ ...params, page: page > 1 ? page : '' })}`
}

/** The API's ModelState keys of each filter (its message shows beside the control). */
export const PO_FILTER_ERROR_KEYS: Readonly<Record<string, readonly string[]>> = {
  company: ['companyIDList', 'companyIDList[0]'],
  status: ['pOStatuses', 'pOStatuses[0]'],
  receiving: ['receivedStatuses', 'receivedStatuses[0]'],
  shipping: ['shippingStatuses', 'shippingStatuses[0]'],
  payment: ['paymentStatus', 'paymentStatus[0]'],
  createdFrom: ['createDateFrom'],
  createdTo: ['createDateTo'],
  receivedFrom: ['receiveDateFrom'],
  receivedTo: ['receiveDateTo'],
  keyword: ['keyword'],
}
