import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { IdParams } from '../../wire/schemas.ts'
import type { WriteContext } from '../../db/context.ts'
import { changeUser, createUser, listUserViews, type UserView } from '../auth/index.ts'
import type { Company } from '../catalog/companies/index.ts'
import type { PaymentTerm } from '../catalog/payment-terms/index.ts'
import type { Vendor } from '../catalog/vendors/index.ts'
import type { Warehouse } from '../catalog/warehouses/index.ts'
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

const toCompany = (c: Company) => ({
  ID: c.id,
  CompanyName: c.name,
  Abbreviation: c.abbreviation,
  Email: c.email,
  Website: c.website,
  CountryCode: c.countryCode,
  CurrencyCode: c.currencyCode,
  IsDefaultCompany: c.isDefault,
  IsDisabled: c.isDisabled,
  Address: c.address as Record<string, string>,
})

const toVendor = (v: Vendor) => ({
  ID: v.id,
  Name: v.name,
  Email: v.email,
  EmailCC: v.emailCc,
  Alias: v.alias,
  AccountNumber: v.accountNumber,
  Website: v.website,
  IsDefault: v.isDefault,
  IsActive: v.isActive,
})

const toWarehouse = (w: Warehouse) => ({
  ID: w.id,
  Name: w.name,
  WarehouseType: w.warehouseType,
  IsDefault: w.isDefault,
  IsSellable: w.isSellable,
  EnforceBins: w.enforceBins,
  Address: w.address,
  CreatedOn: w.createdOn,
})

const toPaymentTerm = (t: PaymentTerm) => ({ ID: t.id, Name: t.name })

const toUser = (u: UserView) => ({
  ID: u.id,
  Username: u.username,
  FullName: u.fullName,
  Email: u.email,
  IsAdmin: u.isAdmin,
  IsActive: u.isActive,
  CompanyIDs: u.companyIds,
  CreatedOn: u.createdOn,
})

function listOf<T>(items: T[]) {
  return { Items: items, TotalResults: items.length }
}

function toSettings(view: admin.SettingsView) {
  return { Settings: view.effective, Overrides: view.overrides as Record<string, boolean | number> }
}

export function registerAdminApi(app: FastifyInstance, deps: WriteContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const { db, clock } = deps
  const errors = adminErrorResponses

  // Companies
  api.get(
    '/companies',
    { config, schema: { tags, response: { 200: AdminCompanyList, ...errors } } },
    async (request) => listOf((await admin.listAllCompanies(db, request.user)).map(toCompany)),
  )
  api.post(
    '/companies',
    { config, schema: { tags, body: FixtureCompany, response: { 200: AdminCompany, ...errors } } },
    async (request) => toCompany(await admin.createCompany(db, clock, request.body)),
  )
  api.put(
    '/companies/:id',
    {
      config,
      schema: {
        tags,
        params: IdParams,
        body: CompanyChange,
        response: { 200: AdminCompany, ...errors },
      },
    },
    async (request) =>
      toCompany(await admin.changeCompany(db, clock, request.params.id, request.body)),
  )

  // Vendors
  api.get(
    '/vendors',
    { config, schema: { tags, response: { 200: AdminVendorList, ...errors } } },
    async () => listOf((await admin.listVendorsForAdmin(db)).map(toVendor)),
  )
  api.post(
    '/vendors',
    { config, schema: { tags, body: FixtureVendor, response: { 200: AdminVendor, ...errors } } },
    async (request) => toVendor(await admin.createVendor(db, clock, request.body)),
  )
  api.put(
    '/vendors/:id',
    {
      config,
      schema: {
        tags,
        params: IdParams,
        body: VendorChange,
        response: { 200: AdminVendor, ...errors },
      },
    },
    async (request) =>
      toVendor(await admin.changeVendor(db, clock, request.params.id, request.body)),
  )

  // Warehouses
  api.get(
    '/warehouses',
    { config, schema: { tags, response: { 200: AdminWarehouseList, ...errors } } },
    async () => listOf((await admin.listWarehousesForAdmin(db)).map(toWarehouse)),
  )
  api.post(
    '/warehouses',
    {
      config,
      schema: { tags, body: FixtureWarehouse, response: { 200: AdminWarehouse, ...errors } },
    },
    async (request) => toWarehouse(await admin.createWarehouse(db, clock, request.body)),
  )
  api.put(
    '/warehouses/:id',
    {
      config,
      schema: {
        tags,
        params: IdParams,
        body: WarehouseChange,
        response: { 200: AdminWarehouse, ...errors },
      },
    },
    async (request) =>
      toWarehouse(await admin.changeWarehouse(db, clock, request.params.id, request.body)),
  )

  // Payment terms
  api.get(
    '/payment-terms',
    { config, schema: { tags, response: { 200: AdminPaymentTermList, ...errors } } },
    async () => listOf((await admin.listPaymentTermsForAdmin(db)).map(toPaymentTerm)),
  )
  api.post(
    '/payment-terms',
    {
      config,
      schema: { tags, body: FixturePaymentTerm, response: { 200: AdminPaymentTerm, ...errors } },
    },
    async (request) => toPaymentTerm(await admin.createPaymentTerm(db, clock, request.body)),
  )
  api.put(
    '/payment-terms/:id',
    {
      config,
      schema: {
        tags,
        params: IdParams,
        body: PaymentTermChange,
        response: { 200: AdminPaymentTerm, ...errors },
      },
    },
    async (request) =>
      toPaymentTerm(await admin.changePaymentTerm(db, clock, request.params.id, request.body)),
  )

  // Users (never the password hash)
  api.get(
    '/users',
    { config, schema: { tags, response: { 200: AdminUserList, ...errors } } },
    async () => listOf((await listUserViews(db)).map(toUser)),
  )
  api.post(
    '/users',
    { config, schema: { tags, body: UserCreate, response: { 200: AdminUser, ...errors } } },
    async (request) => {
      const b = request.body
      return toUser(
        await createUser(db, clock, {
          username: b.Username,
          password: b.Password,
          fullName: b.FullName,
          email: b.Email,
          isAdmin: b.IsAdmin,
          isActive: b.IsActive,
          companyIds: b.CompanyIDs,
        }),
      )
    },
  )
  api.put(
    '/users/:id',
    {
      config,
      schema: { tags, params: IdParams, body: UserChange, response: { 200: AdminUser, ...errors } },
    },
    async (request) => {
      const b = request.body
      return toUser(
        await changeUser(db, request.params.id, {
          username: b.Username,
          password: b.Password,
          fullName: b.FullName,
          email: b.Email,
          isAdmin: b.IsAdmin,
          isActive: b.IsActive,
          companyIds: b.CompanyIDs,
        }),
      )
    },
  )

  // Client settings: server-wide and per-company override
  api.get(
    '/settings',
    { config, schema: { tags, response: { 200: SettingsView, ...errors } } },
    async () => toSettings(await admin.getSettingsView(db, null)),
  )
  api.put(
    '/settings',
    { config, schema: { tags, body: SettingsChange, response: { 200: SettingsView, ...errors } } },
    async (request) => toSettings(await admin.changeSettings(db, null, request.body)),
  )
  api.get(
    '/companies/:id/settings',
    { config, schema: { tags, params: IdParams, response: { 200: SettingsView, ...errors } } },
    async (request) => toSettings(await admin.getSettingsView(db, request.params.id)),
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
    async (request) => toSettings(await admin.changeSettings(db, request.params.id, request.body)),
  )

  // A whole fixtures document
  api.post(
    '/fixtures',
    { config, schema: { tags, body: Fixtures, response: { 200: FixturesReport, ...errors } } },
    async (request) => {
      const report = await admin.loadFixtures(db, clock, request.body)
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
