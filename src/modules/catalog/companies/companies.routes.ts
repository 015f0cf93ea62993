import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { IdParams, errorResponses } from '../../../wire/schemas.ts'
import type { ReadContext } from '../../../db/context.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { clampPage } from '../../../shared/page.ts'
import { CompanyDetails, CompanyList, CompanyListQuery } from './companies.schemas.ts'
import { getCompanyForUser, listCompaniesForUser, type Company } from './companies.service.ts'

function toListItem(company: Company) {
  return {
    ID: company.id,
    CompanyName: company.name,
    IsDefaultCompany: company.isDefault,
    AmazonMarketplace: 0,
    IsDisabled: company.isDisabled,
    CustomColumns: [],
    EnabledOnChannels: [],
    ScheduledTasksCount: 0,
  }
}

function toDetails(company: Company) {
  const a = company.address
  return {
    Details: {
      ID: company.id,
      CompanyName: company.name,
      Abbreviation: company.abbreviation,
      CountryCode: company.countryCode,
      Country: a.Country ?? company.countryCode,
      Email: company.email,
      Website: company.website,
      IsDefaultCompany: company.isDefault,
      IsDisabled: company.isDisabled,
      CurrencyCode: company.currencyCode,
      UnitOfMeasure: 0,
    },
    Address: {
      FirstName: a.FirstName ?? '',
      LastName: a.LastName ?? '',
      Country: a.Country ?? '',
      ZipCode: a.ZipCode ?? '',
      Region: a.Region ?? '',
      State: a.State ?? '',
      City: a.City ?? '',
      Address: a.Address ?? '',
      Address2: a.Address2 ?? '',
      Fax: a.Fax ?? '',
      Phone: a.Phone ?? '',
    },
    AmazonSettings: {},
  }
}

export function registerCompanyRoutes(app: FastifyInstance, deps: ReadContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get(
    '/Companies',
    {
      schema: {
        tags: ['Companies'],
        summary: 'List companies the user can see',
        description: 'Ordered by ID (ascending); the Swagger documents no sort parameter.',
        querystring: CompanyListQuery,
        response: { 200: CompanyList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      if (q.channel !== undefined && q.channel.length > 0) {
        throw ValidationError.field(
          'channel',
          'Crossdock keeps no list of enabled channels per company (EnabledOnChannels is always empty; every company takes orders of every channel), so companies cannot be filtered by channel.',
        )
      }
      const page = await listCompaniesForUser(
        deps.db,
        request.user,
        { ids: q.companyID, keyword: q.keyword },
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      return { Items: page.items.map(toListItem), TotalResults: page.totalResults }
    },
  )
  api.get(
    '/Companies/:id',
    {
      schema: {
        tags: ['Companies'],
        summary: 'Get one company',
        params: IdParams,
        response: { 200: CompanyDetails, ...errorResponses },
      },
    },
    async (request) => toDetails(await getCompanyForUser(deps.db, request.user, request.params.id)),
  )
}
