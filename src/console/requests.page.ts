import { errorOf, succeeded, type ApiError } from './console-api.ts'
import type { ConsoleContext, ConsoleSectionRegistrar } from './console-routes.ts'
import { html } from './html.ts'
import { page } from './layout.ts'
import { requestDetail } from './requests.detail.view.ts'
import {
  journalOffNotice,
  newerRows,
  requestFilterForm,
  requestsTable,
  type JournalEntry,
  type RequestRow,
} from './requests.list.view.ts'
import {
  afterIdOf,
  newerRequestsApiPath,
  requestFiltersOf,
  requestsApiPath,
} from './requests.query.view.ts'

// `/console/requests`: the request journal (GET /admin/requests), filtered and paged, newest first;
// on page 1 htmx polls `/console/requests/rows` for what arrived since. `/console/requests/:id`:
// one entry (GET /admin/requests/{id}) with its bodies and a curl command.

interface ListAnswer<T> {
  Items?: T[]
  TotalResults?: number
}

/**
 * Whether the journal records. The API answers what is stored either way (docs/compat.md), so the
 * console asks the app's journal itself: the one thing here not read through the API.
 */
function recording(ctx: ConsoleContext): boolean {
  return ctx.request.server.requestJournal.enabled
}

/** The server as the console was reached, for commands run against it. */
function baseUrlOf(ctx: ConsoleContext): string {
  return `${ctx.request.protocol}://${ctx.request.host}`
}

const ID = /^[1-9]\d{0,14}$/

export const registerRequests: ConsoleSectionRegistrar = (routes) => {
  routes.page('/requests', async (ctx) => {
    const filters = requestFiltersOf(ctx.query)
    const list = await ctx.api.get<ListAnswer<RequestRow>>(requestsApiPath(filters))
    const error: ApiError | null = succeeded(list) ? null : errorOf(list)
    if (error !== null) {
      ctx.reply.code(400)
    }
    const on = recording(ctx)
    return page(
      { title: 'Requests', section: 'requests', viewer: ctx.viewer },
      html`<h1>Requests</h1>
        <p class="muted">
          What integrations sent to /rest/api, /api and /admin and what they were answered. The
          console's own calls and reads of the journal are not recorded.
        </p>
        ${on ? '' : journalOffNotice()} ${requestFilterForm(filters, error)}
        ${
          error === null
            ? requestsTable({
                filters,
                rows: list.body.Items ?? [],
                total: list.body.TotalResults ?? 0,
                recording: on,
              })
            : ''
        }`,
    )
  })

  // The rows newer than `after` (an htmx fragment); nothing when there are none or the filters fail.
  routes.page('/requests/rows', async (ctx) => {
    const after = afterIdOf(ctx.query)
    if (after === null) {
      ctx.reply.code(400)
      return html``
    }
    const filters = requestFiltersOf(ctx.query)
    const list = await ctx.api.get<ListAnswer<RequestRow>>(newerRequestsApiPath(filters, after))
    return succeeded(list) ? newerRows(filters, list.body.Items ?? []) : html``
  })

  routes.page('/requests/:id', async (ctx) => {
    const id = ctx.params.id ?? ''
    const answer = ID.test(id)
      ? await ctx.api.get<JournalEntry>(`/admin/requests/${id}`)
      : { status: 404, body: null, headers: {} }
    if (!succeeded(answer) || answer.body === null) {
      ctx.reply.code(404)
      return page(
        { title: 'Request not found', section: 'requests', viewer: ctx.viewer },
        html`<h1>Request not found</h1>
          <p>There is no such journal entry (retention may have removed it).</p>
          <p><a href="/console/requests">Back to the requests</a></p>`,
      )
    }
    return page(
      { title: `Request ${id}`, section: 'requests', viewer: ctx.viewer },
      requestDetail(answer.body, baseUrlOf(ctx)),
    )
  })
}
