import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.ts'
import type { Database } from '../db/database.ts'
import { applyAdminPassword, ensureAdminUser } from '../modules/auth/index.ts'
import type { Clock } from '../shared/clock.ts'

/** What start-up did about the admin user. */
export interface AdminStart {
  username: string
  created: boolean
  /** Set only when the password was generated; print it once. */
  generatedPassword?: string
  /** Set when CROSSDOCK_ADMIN_PASSWORD is: whether the stored password had to change. */
  fromEnv?: { changed: boolean }
}

/**
 * CROSSDOCK_ADMIN_PASSWORD set: it is authoritative at every start (the admin user is made to have
 * it). Unset: the admin is created, with a generated password, only when the database has none.
 */
export async function settleAdmin(db: Database, clock: Clock, config: Config): Promise<AdminStart> {
  if (config.adminPassword !== undefined) {
    const result = await applyAdminPassword(db, clock, config.adminUser, config.adminPassword)
    return {
      username: result.username,
      created: result.created,
      fromEnv: { changed: result.changed },
    }
  }
  return ensureAdminUser(db, clock, config.adminUser, undefined)
}

/** Logs the outcome; a generated password goes to the terminal (stderr) once, never to the log. */
export function reportAdmin(log: FastifyBaseLogger, admin: AdminStart): void {
  const { username } = admin
  if (admin.created) {
    log.info({ username }, 'first admin user created')
  }
  if (admin.fromEnv !== undefined) {
    log.info(
      { username, changed: admin.fromEnv.changed },
      'admin password set from CROSSDOCK_ADMIN_PASSWORD',
    )
  } else if (admin.generatedPassword !== undefined) {
    process.stderr.write(
      `\n  Crossdock admin user "${username}" created with password: ${admin.generatedPassword}\n` +
        '  (set CROSSDOCK_ADMIN_PASSWORD to choose it; this is the only time it is shown)\n\n',
    )
  } else {
    log.info(
      { username },
      'admin user kept as it is; to change its password restart with CROSSDOCK_ADMIN_PASSWORD set, or run `crossdock admin reset-password`',
    )
  }
}
