import type { RequestOptions, Transport } from '../http.ts'
import type { SandboxReset } from '../types.ts'
import { SandboxClockResource } from './sandbox-clock.ts'
import { SandboxFaultsResource } from './sandbox-faults.ts'
import { SandboxRequestsResource } from './sandbox-requests.ts'
import { SandboxSnapshotsResource, resetSandbox } from './sandbox-snapshots.ts'
import { SandboxViewsResource } from './catalog-views.ts'

/** Crossdock's sandbox controls (admins only, under `/admin`): `client.sandbox…`. */
export interface SandboxResource {
  /** The shared server clock: `get`, `set`, `advance`, `reset`. */
  readonly clock: SandboxClockResource
  /** The request journal: `list`, `get`, `clear`. */
  readonly requests: SandboxRequestsResource
  /** Fault injection rules: `add`, `list`, `remove`, `clear`. */
  readonly faults: SandboxFaultsResource
  /** Named copies of the whole sandbox: `create`, `list`, `restore`, `delete`. */
  readonly snapshots: SandboxSnapshotsResource
  /** Saved catalog views (`/admin/views`): `list`, `create`, `remove`. */
  readonly views: SandboxViewsResource
  /** Back to the configured fixtures (or the demo set), IDs from 1. */
  reset(options?: RequestOptions): Promise<SandboxReset>
}

export function createSandbox(http: Transport): SandboxResource {
  return {
    clock: new SandboxClockResource(http),
    requests: new SandboxRequestsResource(http),
    faults: new SandboxFaultsResource(http),
    snapshots: new SandboxSnapshotsResource(http),
    views: new SandboxViewsResource(http),
    reset: (options) => resetSandbox(http, options),
  }
}
