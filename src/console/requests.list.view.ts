import type { Static } from 'typebox'
import type { RequestEntry } from '../modules/journal/index.ts'
import type { ApiError } from './console-api.ts'
import { errorSummary, field } from './forms.ts'
import { html, type Html } from './html.ts'
import {
  REQUEST_FILTER_ERROR_KEYS,
  REQUESTS_PAGE_SIZE,
  requestRowsUrl,
  requestsPageUrl,
  type RequestFilters,
} from './requests.query.view.ts'
import { pager } from './stock.view.ts'

// The request journal list (`/console/requests`): the filter form (a GET form: bookmarkable), the
// table of one page of GET /admin/requests, the pager, and on page 1 the poll that puts newer
// entries on top (the rows fragment). Pure: data in, Html out.

/** A GET /admin/requests item, as the API's schema says. */
export type JournalEntry = Static<typeof RequestEntry>

/** The keys of a GET /admin/requests item the list shows. */
export type RequestRow = Pick<
  JournalEntry,
  'Id' | 'Time' | 'User' | 'Ip' | 'Method' | 'Path' | 'Query' | 'Status' | 'DurationMs' | 'Fault'
>

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const
const claimed = Object.values(REQUEST_FILTER_ERROR_KEYS).flat()

export function requestFilterForm(f: RequestFilters, error: ApiError | null): Html {
  const keys = (name: string) => REQUEST_FILTER_ERROR_KEYS[name] ?? []
  const methods: (readonly [string, string])[] = [
    ['', 'Any'],
    ...METHODS.map((m) => [m, m] as const),
    ...(f.method === '' || (METHODS as readonly string[]).includes(f.method)
      ? []
      : [[f.method, f.method] as const]),
  ]
  return html`<form class="filters" method="get" action="/console/requests" role="search">
      ${field({ label: 'Method', name: 'method', value: f.method, options: methods, error, errorKeys: keys('method') })}
      ${field({ label: 'Path starts with', name: 'path', value: f.path, type: 'search', placeholder: '/rest/api/Orders', error, errorKeys: keys('path') })}
      ${field({ label: 'Status', name: 'status', value: f.status, placeholder: '404 or 4xx', error, errorKeys: keys('status') })}
      ${field({ label: 'User', name: 'user', value: f.user, error, errorKeys: keys('user') })}
      ${field({ label: 'Request ID', name: 'requestId', value: f.requestId, error, errorKeys: keys('requestId') })}
      ${field({ label: 'From (UTC)', name: 'since', value: f.since, type: 'datetime-local', error, errorKeys: keys('since') })}
      ${field({ label: 'To (UTC)', name: 'until', value: f.until, type: 'datetime-local', error, errorKeys: keys('until') })}
      <div class="actions">
        <button type="submit" class="primary">Filter</button>
        <a class="button" href="/console/requests">Clear</a>
      </div>
    </form>
    ${errorSummary(error, claimed)}`
}

/** An entry's time as `YYYY-MM-DD HH:mm:ss.sss` (UTC). */
export function journalTime(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)/.exec(value)
  return match === null ? value : `${match[1]} ${match[2]}`
}

export function statusBadge(status: number): Html {
  if (status === 0) {
    // The journal's status of a request whose connection was dropped before any answer.
    return html`<span class="badge bad" title="The connection was dropped">no answer</span>`
  }
  const kind = status >= 400 ? ' bad' : status < 300 ? ' good' : ''
  return html`<span class="badge${kind}">${status}</span>`
}

/** A duration of the journal (milliseconds, fractions kept) as shown. */
export function durationText(ms: number): string {
  return `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`
}

export function requestRow(row: RequestRow): Html {
  const target = `${row.Path}${row.Query === null ? '' : `?${row.Query}`}`
  return html`<tr id="request-${row.Id}" data-id="${row.Id}">
    <td>${journalTime(row.Time)}</td>
    <td>${row.Method}</td>
    <td class="request-path"><a href="/console/requests/${row.Id}">${target}</a></td>
    <td>${statusBadge(row.Status)}</td>
    <td class="num">${durationText(row.DurationMs)}</td>
    <td>${row.User ?? ''}</td>
    <td>${row.Ip}</td>
    <td>${row.Fault === null ? '' : html`<span class="badge bad">Fault ${row.Fault}</span>`}</td>
  </tr>`
}

/**
 * The element htmx polls every 2 s for entries after `afterId`, put on top of the table's rows.
 * Its text says whether any row is shown yet (the answer to a poll replaces it, see newerRows).
 */
export function requestsPoller(
  f: RequestFilters,
  afterId: number,
  anyShown: boolean,
  oob = false,
): Html {
  return html`<p
    id="requests-poll"
    class="muted"
    hx-get="${requestRowsUrl(f, afterId)}"
    hx-trigger="every 2s"
    hx-target="#requests-rows"
    hx-swap="afterbegin"
    data-after="${afterId}"
    ${oob ? html`hx-swap-oob="true"` : ''}
  >
    ${
      anyShown
        ? 'Live: new requests appear at the top as they arrive.'
        : 'No requests match these filters yet. New ones appear here as they arrive.'
    }
  </p>`
}

/**
 * The answer to a poll: the newer rows (newest first, for `afterbegin`) and, in a template, the
 * poller again with the newest ID, so the next poll asks after it. Nothing when nothing is newer.
 */
export function newerRows(f: RequestFilters, rows: readonly RequestRow[]): Html {
  if (rows.length === 0) {
    return html``
  }
  const newest = Math.max(...rows.map((r) => r.Id))
  const newestFirst = [...rows].sort((a, b) => b.Id - a.Id)
  return html`${newestFirst.map(requestRow)}
    <template>${requestsPoller(f, newest, true, true)}</template>`
}

/** A page left open keeps at most this many rows: the oldest go as new ones arrive (console.js). */
export const LIVE_MAX_ROWS = 500

export interface RequestsListData {
  filters: RequestFilters
  rows: readonly RequestRow[]
  total: number
  /** Whether the journal records (when off, what is stored is listed and nothing is polled). */
  recording: boolean
}

export function requestsTable(d: RequestsListData): Html {
  const live = d.recording && d.filters.page === 1
  const newest = d.rows.reduce((max, r) => Math.max(max, r.Id), 0)
  return html`${live ? requestsPoller(d.filters, newest, d.rows.length > 0) : ''}
    <div class="table-wrap">
      <table id="requests-table">
        <caption class="muted">
          Requests, newest first (times UTC)
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Method</th>
            <th scope="col">Path</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">Duration</th>
            <th scope="col">User</th>
            <th scope="col">IP</th>
            <th scope="col">Fault</th>
          </tr>
        </thead>
        <tbody id="requests-rows" data-max-rows="${LIVE_MAX_ROWS}">
          ${
            d.rows.length === 0 && !live
              ? html`<tr id="requests-empty">
                  <td colspan="8" class="muted">No requests match these filters.</td>
                </tr>`
              : d.rows.map(requestRow)
          }
        </tbody>
      </table>
    </div>
    ${pager('Pages', d.filters.page, REQUESTS_PAGE_SIZE, d.total, (p) => requestsPageUrl(d.filters, p))}`
}

/** What the page says when the journal is switched off. */
export function journalOffNotice(): Html {
  return html`<div class="alert notice" role="status" id="journal-off">
    The request journal is switched off (<code>CROSSDOCK_JOURNAL=off</code>): nothing new is
    recorded. What it stored before is still listed.
  </div>`
}
