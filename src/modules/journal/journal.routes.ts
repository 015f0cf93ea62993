import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { ErrorBody, IdParams } from '../../wire/schemas.ts'
import { toRequestEntry } from './journal.mappers.ts'
import { ClearedRequests, RequestEntry, RequestList, RequestListQuery } from './journal.schemas.ts'
import { getRequest, listRequests } from './journal.service.ts'

// GET /admin/requests, GET /admin/requests/{id}, DELETE /admin/requests (admins only). The GETs are
// not themselves recorded (journal.hooks.ts), so following the journal does not fill it.

const config = { access: 'admin' as const }
const tags = ['Admin']
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }

export function registerJournalRoutes(admin: FastifyInstance): void {
  const api = admin.withTypeProvider<TypeBoxTypeProvider>()
  const journal = admin.requestJournal
  api.get(
    '/requests',
    {
      config,
      schema: {
        tags,
        summary: 'The request journal, newest first',
        description:
          'Newest first (`order=oldest` for oldest first). Every /rest/api, /api and /admin request (but these reads): time, user, IP, method, path, query, status, duration, bodies (cut, secrets as "***"), ignored and coerced properties, fault applied.',
        querystring: RequestListQuery,
        response: { 200: RequestList, ...errors },
      },
    },
    async (request) => {
      const { rows, total } = await listRequests(journal, request.query)
      return { Items: rows.map(toRequestEntry), TotalResults: total }
    },
  )
  api.get(
    '/requests/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One journal entry, by its Id',
        params: IdParams,
        response: { 200: RequestEntry, ...errors, 404: ErrorBody },
      },
    },
    async (request) => toRequestEntry(await getRequest(journal, request.params.id)),
  )
  api.delete(
    '/requests',
    {
      config,
      schema: {
        tags,
        summary: 'Empty the request journal (every instance’s entries)',
        response: { 200: ClearedRequests, ...errors },
      },
    },
    async () => ({ Deleted: await journal.clear() }),
  )
}
