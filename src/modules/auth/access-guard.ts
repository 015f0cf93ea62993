import type { Database } from '../../db/database.ts'
import { findUserAccess } from './users.repository.ts'

/**
 * Whether a token is still current: its user exists, is active, and has the token version the token
 * was issued under. Each user's state is cached for `maxAgeMs`, so a change made through another
 * instance is seen within that bound; a change made through this instance is seen at once
 * (`forget`). Lookups of one user share one query.
 */
export interface AccessGuard {
  /**
   * Whether the user still exists under the token's name, is active and has the token's version. The
   * name matters where IDs are reused (SQLite after a sandbox reset or restore): a token of a removed
   * user never works for a new user given the same ID.
   */
  isCurrent(userId: number, version: number, username: string): Promise<boolean>
  forget(userId: number): void
  readonly maxAgeMs: number
}

interface Access {
  version: number
  username: string
}

interface Entry {
  /** null: no such user, or inactive. */
  access: Access | null
  fetchedAt: number
}

/** The cross-instance bound: a deactivation, demotion or password change elsewhere is seen within it. */
export const DEFAULT_ACCESS_MAX_AGE_MS = 500
const MAX_ENTRIES = 50_000

export function createAccessGuard(
  db: Database,
  maxAgeMs: number = DEFAULT_ACCESS_MAX_AGE_MS,
): AccessGuard {
  const entries = new Map<number, Entry>()
  const inFlight = new Map<number, Promise<Access | null>>()
  // Bumped by forget(): a lookup that started before it must not store what it read.
  const generation = new Map<number, number>()

  function load(userId: number): Promise<Access | null> {
    let pending = inFlight.get(userId)
    if (pending === undefined) {
      const startedIn = generation.get(userId) ?? 0
      const startedAt = performance.now()
      pending = findUserAccess(db, userId)
        .then((row) => {
          const access =
            row !== undefined && row.is_active === 1
              ? { version: row.token_version, username: row.username }
              : null
          if ((generation.get(userId) ?? 0) === startedIn) {
            if (entries.size >= MAX_ENTRIES) {
              entries.delete(entries.keys().next().value!)
            }
            entries.set(userId, { access, fetchedAt: startedAt })
          }
          return access
        })
        .finally(() => inFlight.delete(userId))
      inFlight.set(userId, pending)
    }
    return pending
  }

  return {
    maxAgeMs,
    async isCurrent(userId, version, username) {
      const entry = entries.get(userId)
      const current =
        entry !== undefined && performance.now() - entry.fetchedAt < maxAgeMs
          ? entry.access
          : await load(userId)
      return current !== null && current.version === version && current.username === username
    },
    forget(userId) {
      entries.delete(userId)
      inFlight.delete(userId)
      generation.set(userId, (generation.get(userId) ?? 0) + 1)
    },
  }
}
