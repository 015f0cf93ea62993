import type { Database } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/db-errors.ts'
import { inTransaction } from '../../db/transaction.ts'
import { isoNow, type Clock } from '../../shared/clock.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import {
  findUserByUsername,
  insertUser,
  lockUserByUsername,
  updateUser,
} from './users.repository.ts'
import type { AppUserRow } from './users.table.ts'

export interface AdminPasswordResult {
  username: string
  created: boolean
  /** False when the user already was an active administrator with this password (nothing written). */
  changed: boolean
}

const isActiveAdmin = (row: AppUserRow) => row.is_admin === 1 && row.is_active === 1

/**
 * `CROSSDOCK_ADMIN_PASSWORD`, applied at every start: afterwards `username` exists, is an active
 * administrator and has `password`. A user that already verifies is not written (restarts stay one
 * scrypt, its tokens stay valid); a change bumps the token version, so tokens issued under the old
 * password stop working, as after any password change. Several instances starting at once: the row
 * is locked and checked again inside the transaction, and a lost race to insert it is retried.
 * @example await applyAdminPassword(db, clock, 'admin', process.env.CROSSDOCK_ADMIN_PASSWORD)
 */
export async function applyAdminPassword(
  db: Database,
  clock: Clock,
  username: string,
  password: string,
): Promise<AdminPasswordResult> {
  const seen = await findUserByUsername(db, username)
  const seenOk = seen !== undefined && (await verifyPassword(password, seen.password_hash))
  if (seen !== undefined && seenOk && isActiveAdmin(seen)) {
    return { username, created: false, changed: false }
  }
  const hash = await hashPassword(password)
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await inTransaction(db, async (trx) => {
        const row = await lockUserByUsername(trx, username)
        if (row === undefined) {
          await insertUser(trx, {
            username,
            password_hash: hash,
            full_name: 'Administrator',
            is_admin: 1,
            company_ids_json: null,
            created_on: isoNow(clock),
          })
          return { username, created: true, changed: true }
        }
        // Another instance may have set it since the check above.
        const passwordOk =
          row.password_hash === seen?.password_hash
            ? seenOk
            : await verifyPassword(password, row.password_hash)
        if (passwordOk && isActiveAdmin(row)) {
          return { username, created: false, changed: false }
        }
        await updateUser(trx, row.id, true, {
          ...(!passwordOk && { password_hash: hash }),
          is_admin: 1,
          is_active: 1,
        })
        return { username, created: false, changed: true }
      })
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) {
        continue
      }
      throw error
    }
  }
}

export interface PasswordReset {
  username: string
  isAdmin: boolean
  isActive: boolean
}

/**
 * `crossdock admin reset-password`: sets an existing user's password in one transaction and bumps
 * its token version (tokens issued before stop working). Role and activity stay as they are.
 * @example await resetUserPassword(db, 'admin', 'new-secret')
 */
export async function resetUserPassword(
  db: Database,
  username: string,
  password: string,
): Promise<PasswordReset> {
  const hash = await hashPassword(password)
  return inTransaction(db, async (trx) => {
    const row = await lockUserByUsername(trx, username)
    if (row === undefined) {
      throw new NotFoundError('USER_NOT_FOUND', `User "${username}" was not found.`)
    }
    await updateUser(trx, row.id, true, { password_hash: hash })
    return { username, isAdmin: row.is_admin === 1, isActive: row.is_active === 1 }
  })
}
