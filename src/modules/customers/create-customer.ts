import type { WriteContext } from '../../db/context.ts'
import { assertCompanyAccess, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { RuleViolationError, ValidationError } from '../../shared/errors.ts'
import { findCompany } from '../catalog/companies/index.ts'
import { CUSTOMER_TYPE } from './customers.enums.ts'
import type { CreateCustomerBody } from './customers.schemas.ts'
import { findCustomerByEmail, insertNewCustomer, type NewCustomer } from './customers.service.ts'

/** The create request as a new customer. */
function newCustomerOf(body: CreateCustomerBody): NewCustomer {
  return {
    companyId: body.CompanyID,
    firstName: body.FirstName,
    lastName: body.LastName ?? '',
    email: body.Email ?? '',
    businessName: body.BusinessName ?? '',
    // Omitted means Retail: the enum's 0 is WholeSale, a poor silent default.
    isWholesale: body.CustomerType === CUSTOMER_TYPE.WholeSale,
  }
}

/**
 * POST /Customers: the company must be visible to the user (403, before anything else, so other
 * companies' existence is not revealed) and exist (400); an e-mail already used by another customer
 * the user can see is a 400 naming that customer. A customer of a company the user cannot see does
 * not count: the user is answered as if it did not exist (docs/compat.md, "Tenant isolation").
 * @example const customerId = await createCustomer(deps, request.user, request.body)
 */
export async function createCustomer(
  ctx: WriteContext,
  user: AuthUser,
  body: CreateCustomerBody,
): Promise<number> {
  const { db } = ctx
  const now = isoNow(ctx.clock)
  const input = newCustomerOf(body)
  assertCompanyAccess(user, input.companyId, `company ${input.companyId}`)
  if ((await findCompany(db, input.companyId)) === undefined) {
    throw ValidationError.field('CompanyID', `Company ${input.companyId} does not exist.`)
  }
  return db.transaction().execute(async (trx) => {
    if (input.email.trim() !== '') {
      const existing = await findCustomerByEmail(trx, input.email, user.companyIds)
      if (existing !== undefined) {
        throw new RuleViolationError(
          'Email',
          `A customer with e-mail ${input.email.trim()} already exists: customer ${existing.id}.`,
        )
      }
    }
    return insertNewCustomer(trx, now, input)
  })
}
