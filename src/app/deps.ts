import type { Config } from '../config.ts'
import type { Database } from '../db/database.ts'
import type { AccessGuard, LoginThrottle, TokenService } from '../modules/auth/index.ts'
import type { Clock } from '../shared/clock.ts'
import type { AppEventBus } from './events.ts'

/** What `buildApp` needs; tests and the CLI build it the same way `main.ts` does (`prepare`). */
export interface AppDeps {
  db: Database
  config: Config
  clock: Clock
  tokens: TokenService
  /** Whether a token's user still has the access the token was issued for. */
  access: AccessGuard
  events: AppEventBus
  /** Failed logins of this instance (per name and IP, per IP, per name). */
  loginThrottle: LoginThrottle
}
