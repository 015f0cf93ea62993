import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../wire/schemas.ts'
import { clampPage } from '../../shared/page.ts'
import type { WriteContext } from '../../db/context.ts'
import { neutralOf } from '../../wire/neutral.ts'
import { CreateCustomerBody, CustomerDetailsDto } from './customers.schemas.ts'
import { createCustomer } from './create-customer.ts'
import { CustomerDto, CustomerList, CustomerListQuery } from './customers.list.schemas.ts'
import { getCustomerForUser, listCustomersForUser, type Customer } from './customers.service.ts'
import { customerFilterOf } from './list-customers.rules.ts'

function toDetails(customer: Customer) {
  const dto = neutralOf(CustomerDetailsDto)
  dto.General = {
    ...dto.General,
    ID: customer.id,
    Name: `${customer.firstName} ${customer.lastName}`.trim(),
    Email: customer.email,
    CorporateName: customer.businessName,
    IsWholeSaleUser: customer.isWholesale,
  }
  dto.Internal = { ...dto.Internal, CompanyID: customer.companyId, CreatedOn: customer.createdOn }
  return dto
}

/** One GET /Customers row (CustomerDto); no e-mail CC, rating or custom columns in Crossdock. */
function toRow(customer: Customer) {
  return {
    ...neutralOf(CustomerDto),
    UserID: customer.id,
    Email: customer.email,
    FirstName: customer.firstName,
    LastName: customer.lastName,
    CorporateName: customer.businessName,
    IsWholeSaleUser: customer.isWholesale,
    IsWholesaleString: customer.isWholesale ? 'Wholesale' : 'Retail',
    CompanyID: customer.companyId,
  }
}

export function registerCustomerRoutes(app: FastifyInstance, deps: WriteContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.post(
    '/Customers',
    {
      schema: {
        tags: ['Customers'],
        summary: 'Create a customer; returns the new customer ID',
        body: CreateCustomerBody,
        response: { 200: Type.Integer(), ...errorResponses },
      },
    },
    async (request) => createCustomer(deps, request.user, request.body),
  )
  api.get(
    '/Customers',
    {
      schema: {
        tags: ['Customers'],
        summary: 'List customers (page size at most 50)',
        description:
          'Newest first (customer ID descending). Every filter given applies; `subscribed`, `phoneNumber`, `city`, `zipCode`, `exported` and `channel` answer 400 (Crossdock customers have no such data). Customers of companies the user cannot see are never listed.',
        querystring: CustomerListQuery,
        response: { 200: CustomerList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const page = await listCustomersForUser(
        deps.db,
        request.user,
        customerFilterOf(q),
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      return { Items: page.items.map(toRow), TotalResults: page.totalResults }
    },
  )
  api.get(
    '/Customers/:id',
    {
      schema: {
        tags: ['Customers'],
        summary: 'Get one customer',
        params: IdParams,
        response: { 200: CustomerDetailsDto, ...errorResponses },
      },
    },
    async (request) =>
      toDetails(await getCustomerForUser(deps.db, request.user, request.params.id)),
  )
}
