import type { RequestOptions, Transport } from '../http.ts'
import type { SandboxReset, SandboxSnapshot, SandboxSnapshotList } from '../types.ts'

/**
 * `POST /admin/reset`: back to the configured fixtures (or the demo set), IDs from 1; the
 * configured admin and the caller stay, with their passwords and tokens.
 * @example await client.sandbox.reset()
 */
export function resetSandbox(http: Transport, options?: RequestOptions): Promise<SandboxReset> {
  return http.call({ method: 'POST', path: '/reset', body: {}, admin: true, options })
}

/**
 * Named copies of the whole sandbox (`/admin/snapshots`), kept in the server's database: a
 * restore brings back exactly their data, IDs and ID counters included.
 */
export class SandboxSnapshotsResource {
  readonly #http: Transport
  constructor(http: Transport) {
    this.#http = http
  }

  /**
   * `POST /admin/snapshots`: names are 1–64 of `A-Z a-z 0-9 . _ -`; a name in use is a 409.
   * @example await client.sandbox.snapshots.create('before-checkout')
   */
  create(name: string, options?: RequestOptions): Promise<SandboxSnapshot> {
    return this.#http.call({
      method: 'POST',
      path: '/snapshots',
      body: { Name: name },
      admin: true,
      options,
    })
  }

  /**
   * `GET /admin/snapshots`: every snapshot, oldest first.
   * @example const { Items } = await client.sandbox.snapshots.list()
   */
  list(options?: RequestOptions): Promise<SandboxSnapshotList> {
    return this.#http.call({ method: 'GET', path: '/snapshots', admin: true, options })
  }

  /**
   * `POST /admin/snapshots/{name}/restore`: every data table as it was in the snapshot.
   * @example await client.sandbox.snapshots.restore('before-checkout')
   */
  restore(name: string, options?: RequestOptions): Promise<SandboxSnapshot> {
    return this.#http.call({
      method: 'POST',
      path: `/snapshots/${encodeURIComponent(name)}/restore`,
      body: {},
      admin: true,
      options,
    })
  }

  /**
   * `DELETE /admin/snapshots/{name}`: drops the snapshot and its copies.
   * @example await client.sandbox.snapshots.delete('before-checkout')
   */
  delete(name: string, options?: RequestOptions): Promise<SandboxSnapshot> {
    return this.#http.call({
      method: 'DELETE',
      path: `/snapshots/${encodeURIComponent(name)}`,
      admin: true,
      options,
    })
  }
}
