import type { Transport } from '../http.ts'

/** Crossdock's sandbox controls (admins only, under `/admin`): `client.sandbox…`. */
export interface SandboxResource {
  readonly http: Transport
}

export function createSandbox(http: Transport): SandboxResource {
  return { http }
}
