import { runCompiled } from '../../db/compiled-query-cache.ts'
import { sql, type Transaction } from 'kysely'
import type { Database, DB } from '../../db/database.ts'
import { forUpdate } from '../../db/dialect.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import type { AppUserRow, AppUserUpdate, NewAppUserRow } from './users.table.ts'

export function userRowToAuthUser(row: AppUserRow): AuthUser {
  return {
    id: row.id,
    username: row.username,
    isAdmin: row.is_admin === 1,
    companyIds:
      row.company_ids_json === null ? null : (JSON.parse(row.company_ids_json) as number[]),
  }
}

export async function findUserByUsername(
  db: Database,
  username: string,
): Promise<AppUserRow | undefined> {
  const { rows } = await runCompiled(db, 'app_user by username', [username], () =>
    db.selectFrom('app_user').selectAll().where('username', '=', username),
  )
  return rows[0]
}

/** What the access guard needs to know of a user, on every request whose cached state has aged. */
export async function findUserAccess(
  db: Database,
  id: number,
): Promise<Pick<AppUserRow, 'username' | 'is_active' | 'token_version'> | undefined> {
  const { rows } = await runCompiled(db, 'app_user access by id', [id], () =>
    db
      .selectFrom('app_user')
      .select(['username', 'is_active', 'token_version'])
      .where('id', '=', id),
  )
  return rows[0]
}

export function findUserById(db: Database, id: number): Promise<AppUserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listUsers(db: Database): Promise<AppUserRow[]> {
  return db.selectFrom('app_user').selectAll().orderBy('id').execute()
}

export async function hasAdmin(db: Database): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('is_admin', '=', 1)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertUser(db: Database, user: NewAppUserRow): Promise<number> {
  const row = await db.insertInto('app_user').values(user).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Inserts the user unless one with its username exists; an existing user stays as it is (fixtures). */
export async function insertUserUnlessTaken(db: Database, user: NewAppUserRow): Promise<void> {
  await db
    .insertInto('app_user')
    .values(user)
    .onConflict((oc) => oc.column('username').doNothing())
    .execute()
}

/** Deletes every user but `keepIds` (a sandbox reset keeps the admins so nobody is locked out). */
export async function deleteUsersExcept(db: Database, keepIds: number[]): Promise<void> {
  let query = db.deleteFrom('app_user')
  if (keepIds.length > 0) {
    query = query.where('id', 'not in', keepIds)
  }
  await query.execute()
}

/** Applies `update`; with `bumpTokenVersion`, also revokes the user's earlier tokens. */
export async function updateUser(
  db: Database,
  id: number,
  bumpTokenVersion: boolean,
  update: AppUserUpdate,
): Promise<boolean> {
  if (!bumpTokenVersion && Object.values(update).every((v) => v === undefined)) {
    // Nothing to change (every field omitted): an empty SET is a syntax error, so only check it exists.
    const row = await db.selectFrom('app_user').select('id').where('id', '=', id).executeTakeFirst()
    return row !== undefined
  }
  const result = await db
    .updateTable('app_user')
    .set(update)
    .$if(bumpTokenVersion, (qb) => qb.set({ token_version: sql<number>`token_version + 1` }))
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function findSecret(db: Database, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('app_secret')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst()
  return row?.value
}

/** Inserts the secret unless another instance already did; returns the stored value. */
export async function insertSecretOnce(db: Database, name: string, value: string): Promise<string> {
  await db
    .insertInto('app_secret')
    .values({ name, value })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  return (await findSecret(db, name))!
}

/** The user row, locked for the rest of the transaction (`FOR UPDATE` on PostgreSQL). */
export function lockUserByUsername(
  trx: Transaction<DB>,
  username: string,
): Promise<AppUserRow | undefined> {
  return forUpdate(
    trx,
    trx.selectFrom('app_user').selectAll().where('username', '=', username),
  ).executeTakeFirst()
}
