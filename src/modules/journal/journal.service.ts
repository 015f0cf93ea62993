import type { Static } from 'typebox'
import { NotFoundError } from '../../shared/errors.ts'
import { clampPage } from '../../shared/page.ts'
import { findJournalRow, listJournalRows } from './journal.repository.ts'
import type { RequestListQuery } from './journal.schemas.ts'
import type { RequestJournalRow } from './journal.table.ts'
import type { RequestJournal } from './journal.writer.ts'

// Reads of the journal. Each first writes what this instance still holds, so a caller sees its own
// earlier requests at once; other instances' entries appear once they flush (every ~250 ms).

export async function listRequests(
  journal: RequestJournal,
  q: Static<typeof RequestListQuery>,
): Promise<{ rows: RequestJournalRow[]; total: number }> {
  await journal.flush()
  const statusClass = q.statusClass === undefined ? undefined : Number(q.statusClass[0])
  return listJournalRows(
    journal.db,
    {
      method: q.method,
      pathPrefix: q.path,
      status: q.status,
      statusClass,
      user: q.user,
      since: q.since === undefined ? undefined : new Date(q.since).toISOString(),
      until: q.until === undefined ? undefined : new Date(q.until).toISOString(),
      requestId: q.requestId,
      afterId: q.afterId,
      oldestFirst: q.order === 'oldest',
    },
    clampPage(q.pageNumber, q.pageSize, 200),
  )
}

export async function getRequest(journal: RequestJournal, id: number): Promise<RequestJournalRow> {
  await journal.flush()
  const row = await findJournalRow(journal.db, id)
  if (row === undefined) {
    throw new NotFoundError('NOT_FOUND', `Journal entry ${id} was not found.`)
  }
  return row
}
