import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface AppUserTable {
  id: Generated<number>
  username: string
  password_hash: string
  full_name: Generated<string>
  email: Generated<string>
  is_admin: Generated<number>
  is_active: Generated<number>
  company_ids_json: string | null
  created_on: string
  /** Bumped whenever the user's access changes; tokens of older versions are refused. */
  token_version: Generated<number>
}
export type AppUserRow = Selectable<AppUserTable>
export type NewAppUserRow = Insertable<AppUserTable>
export type AppUserUpdate = Updateable<AppUserTable>

export interface AppSecretTable {
  name: string
  value: string
}
