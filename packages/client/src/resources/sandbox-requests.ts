import type { RequestOptions, Transport } from '../http.ts'
import type { ClearedRequests, RequestEntry, RequestList, RequestListQuery } from '../types.ts'

/**
 * The request journal (`/admin/requests`): every `/rest/api`, `/api` and `/admin` request the
 * server answered, newest first, with bodies (cut, secrets as `***`).
 */
export class SandboxRequestsResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * `GET /admin/requests`: one page (`pageSize` at most 200), filtered.
   * @example const { Items } = await client.sandbox.requests.list({ path: '/rest/api/Orders', statusClass: '4xx' })
   */
  list(query: RequestListQuery = {}, options?: RequestOptions): Promise<RequestList> {
    return this.#http.call({
      method: 'GET',
      path: '/requests',
      query,
      admin: true,
      options,
    })
  }

  /**
   * `GET /admin/requests/{id}`: one entry by its `Id`.
   * @example const entry = await client.sandbox.requests.get(42)
   */
  get(id: number, options?: RequestOptions): Promise<RequestEntry> {
    return this.#http.call({ method: 'GET', path: `/requests/${id}`, admin: true, options })
  }

  /**
   * `DELETE /admin/requests`: empties the journal (every instance's entries).
   * @example const { Deleted } = await client.sandbox.requests.clear()
   */
  clear(options?: RequestOptions): Promise<ClearedRequests> {
    return this.#http.call({ method: 'DELETE', path: '/requests', admin: true, options })
  }
}
