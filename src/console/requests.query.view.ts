import { queryString } from './html.ts'

// The request journal's filters: the console's own query names (bookmarkable), and the
// GET /admin/requests query they become. Pure.

export const REQUESTS_PAGE_SIZE = 50
/** A poll asks for at most this many newer entries (the API's largest page), oldest first. */
export const REQUESTS_POLL_SIZE = 200

export interface RequestFilters {
  method: string
  /** Path prefix, any case. */
  path: string
  /** An exact status (`404`) or a class (`4xx` or `4`). */
  status: string
  user: string
  requestId: string
  /** Arrival from / to (as typed: the API reads ISO date-times, no zone meaning UTC). */
  since: string
  until: string
  page: number
}

const FILTER_NAMES = ['method', 'path', 'status', 'user', 'requestId', 'since', 'until'] as const

/** The filters of the console URL's query (absent: no filter; page 1 unless a positive integer). */
export function requestFiltersOf(query: Record<string, string>): RequestFilters {
  const text = (name: string) => (query[name] ?? '').trim()
  const page = Number(text('page'))
  return {
    method: text('method').toUpperCase(),
    path: text('path'),
    status: text('status'),
    user: text('user'),
    requestId: text('requestId'),
    since: text('since'),
    until: text('until'),
    page: Number.isInteger(page) && page > 0 ? Math.min(page, 1_000_000) : 1,
  }
}

const STATUS_CLASS = /^[1-5](?:xx)?$/i

/** The filters as GET /admin/requests names them (the API validates every value). */
function apiFilters(f: RequestFilters): Record<string, string> {
  const isClass = STATUS_CLASS.test(f.status)
  return {
    method: f.method,
    path: f.path,
    status: isClass ? '' : f.status,
    statusClass: isClass ? f.status : '',
    user: f.user,
    requestId: f.requestId,
    since: f.since,
    until: f.until,
  }
}

/** One page of the journal, newest first. */
export function requestsApiPath(f: RequestFilters): string {
  return `/admin/requests${queryString({
    ...apiFilters(f),
    pageNumber: f.page,
    pageSize: REQUESTS_PAGE_SIZE,
  })}`
}

/**
 * The entries after `afterId` that match the filters, oldest first: followed this way no entry is
 * skipped however many arrive between two polls (IDs only grow, see docs/compat.md).
 */
export function newerRequestsApiPath(f: RequestFilters, afterId: number): string {
  return `/admin/requests${queryString({
    ...apiFilters(f),
    afterId,
    order: 'oldest',
    pageSize: REQUESTS_POLL_SIZE,
  })}`
}

function consoleParams(f: RequestFilters): Record<string, string> {
  const params: Record<string, string> = {}
  for (const name of FILTER_NAMES) {
    params[name] = f[name]
  }
  return params
}

/** The console URL of the filters at `page` (for the pager). */
export function requestsPageUrl(f: RequestFilters, page: number): string {
  return `/console/requests${queryString({ ...consoleParams(f), page: page > 1 ? page : '' })}`
}

/** The fragment htmx polls: the rows newer than `afterId`, with the same filters. */
export function requestRowsUrl(f: RequestFilters, afterId: number): string {
  return `/console/requests/rows${queryString({ after: afterId, ...consoleParams(f) })}`
}

/** The `after` of a poll: a non-negative integer ID, or null. */
export function afterIdOf(query: Record<string, string>): number | null {
  const text = query.after ?? ''
  return /^\d{1,15}$/.test(text) ? Number(text) : null
}

/** The API's ModelState key → the console's filter name (so its message shows beside the control). */
export const REQUEST_FILTER_ERROR_KEYS: Readonly<Record<string, readonly string[]>> = {
  method: ['method'],
  path: ['path'],
  status: ['status', 'statusClass'],
  user: ['user'],
  requestId: ['requestId'],
  since: ['since'],
  until: ['until'],
}
