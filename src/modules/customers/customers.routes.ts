import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../wire/schemas.ts'
import type { WriteContext } from '../../db/context.ts'
import { isoNow } from '../../shared/clock.ts'
import { neutralOf } from '../../wire/neutral.ts'
import { CreateCustomerBody, CustomerDetailsDto } from './customers.schemas.ts'
import { createCustomer, getCustomerForUser, type Customer } from './customers.service.ts'

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
    async (request) => {
      const b = request.body
      return createCustomer(deps.db, request.user, isoNow(deps.clock), {
        companyId: b.CompanyID,
        firstName: b.FirstName,
        lastName: b.LastName ?? '',
        email: b.Email ?? '',
        businessName: b.BusinessName ?? '',
        // Omitted means Retail: the enum's 0 is WholeSale, a poor silent default.
        isWholesale: b.CustomerType === 0,
      })
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
