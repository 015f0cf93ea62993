import type { RequestOptions, Transport } from '../http.ts'
import type { SandboxClock, SetSandboxClockRequest } from '../types.ts'

/**
 * The shared sandbox clock (`/admin/clock`): every server instance reads "now" from it. Another
 * instance sees a change within a quarter of a second.
 */
export class SandboxClockResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * `GET /admin/clock`.
   * @example const { Now, Frozen } = await client.sandbox.clock.get()
   */
  get(options?: RequestOptions): Promise<SandboxClock> {
    return this.#http.call({ method: 'GET', path: '/clock', admin: true, options })
  }

  /**
   * `PUT /admin/clock`: frozen at `Now`, or running from `Now` on (`Frozen` false, the default).
   * @example await client.sandbox.clock.set({ Now: '2027-01-01T00:00:00Z', Frozen: true })
   */
  set(body: SetSandboxClockRequest, options?: RequestOptions): Promise<SandboxClock> {
    return this.#http.call({ method: 'PUT', path: '/clock', body, admin: true, options })
  }

  /**
   * `POST /admin/clock/advance`: moves the clock by whole seconds (negative: back).
   * @example await client.sandbox.clock.advance(3601) // tokens issued before now have expired
   */
  advance(seconds: number, options?: RequestOptions): Promise<SandboxClock> {
    return this.#http.call({
      method: 'POST',
      path: '/clock/advance',
      body: { Seconds: seconds },
      admin: true,
      options,
    })
  }

  /**
   * `DELETE /admin/clock`: back to real time, running.
   * @example await client.sandbox.clock.reset()
   */
  reset(options?: RequestOptions): Promise<SandboxClock> {
    return this.#http.call({ method: 'DELETE', path: '/clock', admin: true, options })
  }
}
