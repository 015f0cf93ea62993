// The face of the request journal: the capture hooks, the /admin/requests routes, the SDK's schemas.
export { keepBodyText, registerJournalResponses, registerRequestJournal } from './journal.hooks.ts'
export { registerJournalRoutes } from './journal.routes.ts'
export type { RequestJournal, JournalStats } from './journal.writer.ts'
export { ClearedRequests, RequestEntry, RequestList, RequestListQuery } from './journal.schemas.ts'
