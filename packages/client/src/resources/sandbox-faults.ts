import type { RequestOptions, Transport } from '../http.ts'
import type { AddFaultRuleRequest, FaultRule, FaultRuleList, FaultsCleared } from '../types.ts'

/**
 * Fault injection (`/admin/faults`): rules that make matching API requests fail, slow down or drop
 * their connection, before the handler (nothing written) or after it (the write committed). Another
 * instance sees a new rule within a quarter of a second; `Times` holds across every instance.
 */
export class SandboxFaultsResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * `POST /admin/faults`: adds a rule (`Times` defaults to 1; null faults every match).
   * @example const rule = await client.sandbox.faults.add({ Method: 'POST', Route: '/Orders', Preset: 'server-error', When: 'After' })
   */
  add(body: AddFaultRuleRequest, options?: RequestOptions): Promise<FaultRule> {
    return this.#http.call({ method: 'POST', path: '/faults', body, admin: true, options })
  }

  /**
   * `GET /admin/faults`: every rule with its `Matches` and `Hits`.
   * @example const { Items } = await client.sandbox.faults.list()
   */
  list(options?: RequestOptions): Promise<FaultRuleList> {
    return this.#http.call({ method: 'GET', path: '/faults', admin: true, options })
  }

  /**
   * `DELETE /admin/faults/{id}`: answers the rule as it was (404 when unknown).
   * @example await client.sandbox.faults.remove(rule.Id)
   */
  remove(id: number, options?: RequestOptions): Promise<FaultRule> {
    return this.#http.call({ method: 'DELETE', path: `/faults/${id}`, admin: true, options })
  }

  /**
   * `DELETE /admin/faults`: deletes every rule.
   * @example const { Deleted } = await client.sandbox.faults.clear()
   */
  clear(options?: RequestOptions): Promise<FaultsCleared> {
    return this.#http.call({ method: 'DELETE', path: '/faults', admin: true, options })
  }
}
