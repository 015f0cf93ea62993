import { randomBytes } from 'node:crypto'
import type { Database } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/db-errors.ts'
import { findMissingCompanyIds } from '../catalog/companies/index.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { isoNow, type Clock } from '../../shared/clock.ts'
import {
  ConflictError,
  InvalidGrantError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.ts'
import { dummyPasswordHash, generatePassword, hashPassword, verifyPassword } from './passwords.ts'
import type { IssuedToken, TokenService } from './tokens.ts'
import { rememberVerified, verifyOnce, wasVerified } from './verified-credentials.ts'
import {
  hasAdmin,
  findUserById,
  findUserByUsername,
  insertSecretOnce,
  insertUser,
  listUsers,
  updateUser,
  userRowToAuthUser,
} from './users.repository.ts'
import type { AppUserRow } from './users.table.ts'

export interface TokenGrant extends IssuedToken {
  username: string
}

/**
 * Checks the credentials and issues a bearer token.
 * @example const grant = await issueToken(db, tokens, 'admin', 'secret')
 */
export async function issueToken(
  db: Database,
  tokens: TokenService,
  username: string,
  password: string,
): Promise<TokenGrant> {
  const row = await findUserByUsername(db, username)
  // Real time, not the sandbox clock: how long a verified password is remembered is a cache TTL.
  const now = Date.now()
  let ok = row !== undefined && wasVerified(row.username, password, row.password_hash, now)
  if (!ok) {
    // Verify against a dummy hash for unknown users so timing does not reveal which names exist.
    // Concurrent identical logins share one scrypt; only an active user's success is remembered,
    // or an inactive user's right password would answer faster than a wrong one.
    const hash = row?.password_hash ?? (await dummyPasswordHash())
    ok = await verifyOnce(row?.username ?? username, password, hash, () =>
      verifyPassword(password, hash),
    )
    if (ok && row !== undefined && row.is_active === 1) {
      rememberVerified(row.username, password, row.password_hash, now)
    }
  }
  if (row === undefined || !ok || row.is_active !== 1) {
    throw new InvalidGrantError()
  }
  return { ...tokens.issue(userRowToAuthUser(row), row.token_version), username: row.username }
}

/** The JWT secret: the configured one, else one generated once and shared through the database. */
export async function resolveJwtSecret(
  db: Database,
  configured: string | undefined,
): Promise<string> {
  if (configured !== undefined) {
    return configured
  }
  return insertSecretOnce(db, 'jwt_secret', randomBytes(48).toString('base64url'))
}

export interface AdminBootstrap {
  created: boolean
  username: string
  /** Set only when the password was generated; print it once. */
  generatedPassword?: string
}

/**
 * Creates the configured admin when the database has no administrator (a first start, or one that
 * failed before this step). Start-up calls it last, once everything that can fail has succeeded, so
 * a failed start leaves no admin whose generated password nobody saw. Safe when two instances start
 * at once, and when a fixtures user already has the name.
 */
export async function ensureAdminUser(
  db: Database,
  clock: Clock,
  username: string,
  password: string | undefined,
): Promise<AdminBootstrap> {
  if (await hasAdmin(db)) {
    return { created: false, username }
  }
  const chosen = password ?? generatePassword()
  try {
    await insertUser(db, {
      username,
      password_hash: await hashPassword(chosen),
      full_name: 'Administrator',
      is_admin: 1,
      company_ids_json: null,
      created_on: isoNow(clock),
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { created: false, username }
    }
    throw error
  }
  return password === undefined
    ? { created: true, username, generatedPassword: chosen }
    : { created: true, username }
}

export interface UserView {
  id: number
  username: string
  fullName: string
  email: string
  isAdmin: boolean
  isActive: boolean
  companyIds: number[] | null
  createdOn: string
}

function toView(row: AppUserRow): UserView {
  const auth: AuthUser = userRowToAuthUser(row)
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    isAdmin: auth.isAdmin,
    isActive: row.is_active === 1,
    companyIds: auth.companyIds,
    createdOn: row.created_on,
  }
}

export async function listUserViews(db: Database): Promise<UserView[]> {
  return (await listUsers(db)).map(toView)
}

export async function getUserView(db: Database, id: number): Promise<UserView> {
  const row = await findUserById(db, id)
  if (row === undefined) {
    throw new NotFoundError('USER_NOT_FOUND', `User ${id} was not found.`)
  }
  return toView(row)
}

export interface UserInput {
  username?: string
  password?: string
  fullName?: string
  email?: string
  isAdmin?: boolean
  isActive?: boolean
  companyIds?: number[] | null
}

async function assertCompaniesExist(db: Database, ids: number[] | null | undefined): Promise<void> {
  if (ids === null || ids === undefined || ids.length === 0) {
    return
  }
  const missing = await findMissingCompanyIds(db, ids)
  if (missing.length > 0) {
    throw ValidationError.field('CompanyIDs', `Company ${missing.join(', ')} does not exist.`)
  }
}

export async function createUser(db: Database, clock: Clock, input: UserInput): Promise<UserView> {
  if (input.username === undefined || input.password === undefined) {
    throw ValidationError.field('Username', 'Username and Password are required.')
  }
  await assertCompaniesExist(db, input.companyIds)
  try {
    const id = await insertUser(db, {
      username: input.username,
      password_hash: await hashPassword(input.password),
      full_name: input.fullName ?? '',
      email: input.email ?? '',
      is_admin: input.isAdmin === true ? 1 : 0,
      is_active: input.isActive === false ? 0 : 1,
      company_ids_json: input.companyIds == null ? null : JSON.stringify(input.companyIds),
      created_on: isoNow(clock),
    })
    return getUserView(db, id)
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`User name "${input.username}" is taken.`, 'DUPLICATE')
    }
    throw error
  }
}

/** Whether the change alters what the user's tokens grant: then every earlier token is revoked. */
function changesAccess(before: UserView, input: UserInput): boolean {
  const companies = (ids: number[] | null) => (ids === null ? null : JSON.stringify(ids))
  return (
    input.password !== undefined ||
    (input.username !== undefined && input.username !== before.username) ||
    (input.isAdmin !== undefined && input.isAdmin !== before.isAdmin) ||
    (input.isActive !== undefined && input.isActive !== before.isActive) ||
    (input.companyIds !== undefined && companies(input.companyIds) !== companies(before.companyIds))
  )
}

/**
 * Changes a user. A change of password, name, role, companies or activity bumps the user's token
 * version in the same statement, so tokens issued before stop working (see the access guard).
 */
export async function changeUser(db: Database, id: number, input: UserInput): Promise<UserView> {
  const before = await getUserView(db, id)
  await assertCompaniesExist(db, input.companyIds)
  try {
    await updateUser(db, id, changesAccess(before, input), {
      ...(input.username !== undefined && { username: input.username }),
      ...(input.password !== undefined && { password_hash: await hashPassword(input.password) }),
      ...(input.fullName !== undefined && { full_name: input.fullName }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.isAdmin !== undefined && { is_admin: input.isAdmin ? 1 : 0 }),
      ...(input.isActive !== undefined && { is_active: input.isActive ? 1 : 0 }),
      ...(input.companyIds !== undefined && {
        company_ids_json: input.companyIds === null ? null : JSON.stringify(input.companyIds),
      }),
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`User name "${input.username}" is taken.`, 'DUPLICATE')
    }
    throw error
  }
  return getUserView(db, id)
}
