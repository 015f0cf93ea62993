import type { Insertable, Selectable } from 'kysely'

/** A signed-in console browser. The cookie holds the session id; the table only its SHA-256. */
export interface ConsoleSessionTable {
  id_hash: string
  user_id: number
  username: string
  user_version: number
  company_ids_json: string | null
  csrf_token: string
  created_at: string
  expires_at: string
}
export type ConsoleSessionRow = Selectable<ConsoleSessionTable>
export type NewConsoleSessionRow = Insertable<ConsoleSessionTable>
