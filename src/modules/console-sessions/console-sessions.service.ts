import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '../../db/database.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import type { AccessGuard } from '../auth/index.ts'
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
} from './console-sessions.repository.ts'

/** How long a console sign-in lasts. Wall-clock time: moving the sandbox clock signs nobody out. */
export const CONSOLE_SESSION_HOURS = 12

export interface ConsoleSession {
  /** The signed-in administrator, as a token of theirs would carry them. */
  user: AuthUser
  userVersion: number
  /** Sent back with every state-changing request (form field or header). */
  csrfToken: string
  expiresAt: Date
}

export interface StartedSession extends ConsoleSession {
  /** The cookie's value; only its hash is stored. */
  cookieValue: string
}

const hashOf = (cookieValue: string) => createHash('sha256').update(cookieValue).digest('base64url')

export async function startSession(
  db: Database,
  user: AuthUser,
  userVersion: number,
  now: Date,
): Promise<StartedSession> {
  const cookieValue = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date(now.getTime() + CONSOLE_SESSION_HOURS * 3_600_000)
  await deleteExpiredSessions(db, now.toISOString())
  await insertSession(db, {
    id_hash: hashOf(cookieValue),
    user_id: user.id,
    username: user.username,
    user_version: userVersion,
    company_ids_json: user.companyIds === null ? null : JSON.stringify(user.companyIds),
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
  })
  return {
    cookieValue,
    user,
    userVersion,
    csrfToken,
    expiresAt,
  }
}

/**
 * The session a cookie names, while it lasts and while its user keeps the access it signed in with
 * (only administrators sign in; a change of the user's access or admin flag moves their version).
 */
export async function findActiveSession(
  db: Database,
  access: AccessGuard,
  cookieValue: string,
  now: Date,
): Promise<ConsoleSession | null> {
  const row = await findSession(db, hashOf(cookieValue), now.toISOString())
  if (row === undefined || !(await access.isCurrent(row.user_id, row.user_version, row.username))) {
    return null
  }
  return {
    user: {
      id: row.user_id,
      username: row.username,
      isAdmin: true,
      companyIds:
        row.company_ids_json === null ? null : (JSON.parse(row.company_ids_json) as number[]),
    },
    userVersion: row.user_version,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
  }
}

export async function endSession(db: Database, cookieValue: string): Promise<void> {
  await deleteSession(db, hashOf(cookieValue))
}
