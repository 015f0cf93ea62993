import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../wire/schemas.ts'
import type { WriteContext } from '../../db/context.ts'
import { neutralOf } from '../../wire/neutral.ts'
import { CreateCustomerBody, CustomerDetailsDto } from './customers.schemas.ts'
import { createCustomer } from './create-customer.ts'
import { getCustomerForUser, type Customer } from './customers.service.ts'

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
