import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Static, TSchema } from 'typebox'
import { IdParams } from '../../wire/schemas.ts'
import type { WriteContext } from '../../db/context.ts'
import { changeUser, createUser, listUserViews, type AccessGuard } from '../auth/index.ts'
import {
  fromAdminUser,
  toAdminCompany,
  toAdminPaymentTerm,
  toAdminUser,
  toAdminVendor,
  toAdminWarehouse,
} from './admin.mappers.ts'
import {
  AdminCompany,
  AdminCompanyList,
  AdminPaymentTerm,
  AdminPaymentTermList,
  AdminUser,
  AdminUserList,
  AdminVendor,
  AdminVendorList,
  AdminWarehouse,
  AdminWarehouseList,
  CompanyChange,
  FixturesReport,
  PaymentTermChange,
  SettingsChange,
  SettingsView,
  UserChange,
  UserCreate,
  VendorChange,
  WarehouseChange,
  adminErrorResponses,
} from './admin.schemas.ts'
import * as admin from './admin.service.ts'
import {
  FixtureCompany,
  FixturePaymentTerm,
  FixtureVendor,
  FixtureWarehouse,
  Fixtures,
} from './fixtures.schemas.ts'

// Crossdock's own administration API (not Sellercloud's), under /admin. Admins only.

const config = { access: 'admin' as const }
const tags = ['Admin']
const errors = adminErrorResponses

function listOf<T>(items: T[]) {
  return { Items: items, TotalResults: items.length }
}

function toSettings(view: admin.SettingsView) {
  return { Settings: view.effective, Overrides: view.overrides as Record<string, boolean | number> }
}

/** The routes of one kind of reference data: GET (every one), POST (an entry), PUT /:id (a change). */
interface ReferenceRoutes<Create extends TSchema, Entity> {
  path: string
  list: TSchema
  item: TSchema
  create: Create
  change: TSchema
  data: admin.ReferenceData<Static<Create>, Entity>
  toWire: (entity: Entity) => unknown
}

/** Hides the entity type, so the routes of every kind fit in one table. */
function referenceRoutes<Create extends TSchema, Entity>(
  r: ReferenceRoutes<Create, Entity>,
): (app: FastifyInstance, ctx: WriteContext) => void {
  type Entry = Static<Create>
  return (app, ctx) => {
    app.get(
      r.path,
      {
        config,
        schema: {
          tags,
          description: 'Every entry (no paging), ordered by ID (ascending).',
          response: { 200: r.list, ...errors },
        },
      },
      async (request) => listOf((await r.data.list(ctx, request.user)).map(r.toWire)),
    )
    // The body schemas are generic here, so the type provider cannot infer the bodies: cast them.
    app.post(
      r.path,
      { config, schema: { tags, body: r.create, response: { 200: r.item, ...errors } } },
      async (request) => r.toWire(await r.data.create(ctx, request.body as Entry)),
    )
    app.put<{ Params: Static<typeof IdParams> }>(
      `${r.path}/:id`,
      {
        config,
        schema: {
          tags,
          params: IdParams,
          body: r.change,
          response: { 200: r.item, ...errors },
        },
      },
      async (request) =>
        r.toWire(
          await r.data.change(ctx, request.params.id, request.body as Partial<Omit<Entry, 'ID'>>),
        ),
    )
  }
}

// In this order in the OpenAPI document.
const REFERENCE_ROUTES = [
  referenceRoutes({
    path: '/companies',
    list: AdminCompanyList,
    item: AdminCompany,
    create: FixtureCompany,
    change: CompanyChange,
    data: admin.COMPANIES,
    toWire: toAdminCompany,
  }),
  referenceRoutes({
    path: '/vendors',
    list: AdminVendorList,
    item: AdminVendor,
    create: FixtureVendor,
    change: VendorChange,
    data: admin.VENDORS,
    toWire: toAdminVendor,
  }),
  referenceRoutes({
    path: '/warehouses',
    list: AdminWarehouseList,
    item: AdminWarehouse,
    create: FixtureWarehouse,
    change: WarehouseChange,
    data: admin.WAREHOUSES,
    toWire: toAdminWarehouse,
  }),
  referenceRoutes({
    path: '/payment-terms',
    list: AdminPaymentTermList,
    item: AdminPaymentTerm,
    create: FixturePaymentTerm,
    change: PaymentTermChange,
    data: admin.PAYMENT_TERMS,
    toWire: toAdminPaymentTerm,
  }),
]

export interface AdminRouteDeps extends WriteContext {
  /** Told of every user change, so this instance stops honouring revoked tokens at once. */
  access: AccessGuard
}

export function registerAdminApi(app: FastifyInstance, deps: AdminRouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const { db, clock } = deps

  for (const register of REFERENCE_ROUTES) {
    register(app, deps)
  }

  // Users (never the password hash)
  api.get(
    '/users',
    {
      config,
      schema: {
        tags,
        description: 'Every user (no paging), ordered by ID (ascending).',
        response: { 200: AdminUserList, ...errors },
      },
    },
    async () => listOf((await listUserViews(db)).map(toAdminUser)),
  )
  api.post(
    '/users',
    { config, schema: { tags, body: UserCreate, response: { 200: AdminUser, ...errors } } },
    async (request) => toAdminUser(await createUser(db, clock, fromAdminUser(request.body))),
  )
  api.put(
    '/users/:id',
    {
      config,
      schema: { tags, params: IdParams, body: UserChange, response: { 200: AdminUser, ...errors } },
    },
    async (request) => {
      const user = await changeUser(db, request.params.id, fromAdminUser(request.body))
      deps.access.forget(request.params.id)
      return toAdminUser(user)
    },
  )

  // Client settings: server-wide and per-company override
  api.get(
    '/settings',
    { config, schema: { tags, response: { 200: SettingsView, ...errors } } },
    async () => toSettings(await admin.getSettingsView(deps, null)),
  )
  api.put(
    '/settings',
    { config, schema: { tags, body: SettingsChange, response: { 200: SettingsView, ...errors } } },
    async (request) => toSettings(await admin.changeSettings(deps, null, request.body)),
  )
  api.get(
    '/companies/:id/settings',
    { config, schema: { tags, params: IdParams, response: { 200: SettingsView, ...errors } } },
    async (request) => toSettings(await admin.getSettingsView(deps, request.params.id)),
  )
  api.put(
    '/companies/:id/settings',
    {
      config,
      schema: {
        tags,
        params: IdParams,
        body: SettingsChange,
        response: { 200: SettingsView, ...errors },
      },
    },
    async (request) =>
      toSettings(await admin.changeSettings(deps, request.params.id, request.body)),
  )

  // A whole fixtures document
  api.post(
    '/fixtures',
    { config, schema: { tags, body: Fixtures, response: { 200: FixturesReport, ...errors } } },
    async (request) => {
      const report = await admin.loadFixtures(deps, request.body)
      return {
        Companies: report.companies,
        Vendors: report.vendors,
        Warehouses: report.warehouses,
        PaymentTerms: report.paymentTerms,
        Products: report.products,
        Users: report.users,
      }
    },
  )
}
