import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { resetSandbox, type ResetContext } from './reset-sandbox.ts'
import {
  ResetReport,
  SnapshotCreate,
  SnapshotList,
  SnapshotParams,
  SnapshotView,
  snapshotErrors,
} from './snapshots.schemas.ts'
import {
  createSnapshot,
  deleteSnapshot,
  listSnapshotViews,
  restoreSnapshot,
  type SnapshotView as View,
} from './snapshots.service.ts'

// POST /admin/reset, /admin/snapshots (GET, POST), POST /admin/snapshots/{name}/restore,
// DELETE /admin/snapshots/{name}. Admins only. Reset and restore take the request gate themselves.

const config = { access: 'admin' as const }
const exclusive = { access: 'admin' as const, gate: 'exclusive' as const }
const tags = ['Sandbox']

function toWire(view: View) {
  return { Name: view.name, CreatedOn: view.createdOn, Tables: view.tables, Rows: view.rows }
}

export function registerSnapshotRoutes(app: FastifyInstance, ctx: ResetContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.post(
    '/reset',
    {
      config: exclusive,
      schema: {
        tags,
        summary: 'Back to the configured fixtures (or the demo set), IDs from 1',
        response: { 200: ResetReport, ...snapshotErrors },
      },
    },
    async (request) => {
      const r = await resetSandbox(ctx, request.user.id)
      return {
        Source: r.source,
        Tables: r.tables,
        Companies: r.companies,
        Vendors: r.vendors,
        Warehouses: r.warehouses,
        PaymentTerms: r.paymentTerms,
        Products: r.products,
        Users: r.users,
      }
    },
  )
  api.get(
    '/snapshots',
    {
      config,
      schema: {
        tags,
        description: 'Every snapshot (no paging), in creation order: oldest first.',
        response: { 200: SnapshotList, ...snapshotErrors },
      },
    },
    async () => {
      const items = (await listSnapshotViews(ctx)).map(toWire)
      return { Items: items, TotalResults: items.length }
    },
  )
  api.post(
    '/snapshots',
    {
      config,
      schema: { tags, body: SnapshotCreate, response: { 200: SnapshotView, ...snapshotErrors } },
    },
    async (request) => toWire(await createSnapshot(ctx, request.body.Name)),
  )
  api.post(
    '/snapshots/:name/restore',
    {
      config: exclusive,
      schema: {
        tags,
        params: SnapshotParams,
        response: { 200: SnapshotView, ...snapshotErrors },
      },
    },
    async (request) => toWire(await restoreSnapshot(ctx, request.params.name)),
  )
  api.delete(
    '/snapshots/:name',
    {
      config,
      schema: {
        tags,
        params: SnapshotParams,
        response: { 200: SnapshotView, ...snapshotErrors },
      },
    },
    async (request) => toWire(await deleteSnapshot(ctx, request.params.name)),
  )
}
