import type { Database } from '../../db/database.ts'
import type { ConsoleSessionRow, NewConsoleSessionRow } from './console-sessions.table.ts'

export async function insertSession(db: Database, row: NewConsoleSessionRow): Promise<void> {
  await db.insertInto('console_session').values(row).execute()
}

export function findSession(
  db: Database,
  idHash: string,
  now: string,
): Promise<ConsoleSessionRow | undefined> {
  return db
    .selectFrom('console_session')
    .selectAll()
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now)
    .executeTakeFirst()
}

export async function deleteSession(db: Database, idHash: string): Promise<void> {
  await db.deleteFrom('console_session').where('id_hash', '=', idHash).execute()
}

export async function deleteExpiredSessions(db: Database, now: string): Promise<number> {
  const result = await db
    .deleteFrom('console_session')
    .where('expires_at', '<=', now)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
