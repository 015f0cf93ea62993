import type { Config } from '../config.ts'
import type { Database } from '../db/database.ts'
import type { AccessGuard, LoginThrottle, TokenService } from '../modules/auth/index.ts'
import type { SandboxClock } from '../modules/sandbox-clock/index.ts'
import type { RequestGate } from '../modules/snapshots/index.ts'
import type { AppEventBus } from './events.ts'

/** What `buildApp` needs; tests and the CLI build it the same way `main.ts` does (`prepare`). */
export interface AppDeps {
  db: Database
  config: Config
  /** The server's clock: the shared sandbox clock over real time (docs/compat.md, "Sandbox clock"). */
  clock: SandboxClock
  tokens: TokenService
  /** Whether a token's user still has the access the token was issued for. */
  access: AccessGuard
  events: AppEventBus
  /** This instance's request gate: a sandbox reset or restore runs alone behind it. */
  gate: RequestGate
  /** Failed logins of this instance (per name and IP, per IP, per name). */
  loginThrottle: LoginThrottle
}
