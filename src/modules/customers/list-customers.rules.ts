import type { Static } from 'typebox'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { CUSTOMER_RATING, CUSTOMER_TYPE_FILTER } from './customers.enums.ts'
import { UNSUPPORTED_CUSTOMER_FILTERS, type CustomerListQuery } from './customers.list.schemas.ts'
import type { CustomerFilter } from './customers.repository.ts'

// GET /Customers: the Swagger's query parameters → the repository's filter. Pure.

export type CustomerListQueryType = Static<typeof CustomerListQuery>

/** What remains of a text filter: trimmed, undefined when empty. */
function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

/**
 * The filter of a GET /Customers query (`companyIds` not yet limited to the user's companies). A
 * filter Crossdock cannot answer (UNSUPPORTED_CUSTOMER_FILTERS) is a 400 naming it.
 * @example customerFilterOf({ customerType: 1, keyword: 'ada' })
 */
export function customerFilterOf(q: CustomerListQueryType): CustomerFilter {
  const problems = new ModelStateBuilder()
  for (const [name, reason] of Object.entries(UNSUPPORTED_CUSTOMER_FILTERS)) {
    const value = q[name as keyof typeof UNSUPPORTED_CUSTOMER_FILTERS]
    if (value !== undefined && value !== '') {
      problems.add(name, reason)
    }
  }
  problems.throwIfAny()
  // Customers are never changed after they are created, so they were last modified when created.
  const createdFrom = [q.createdOnFrom, q.modifiedOnFrom].filter((d) => d !== undefined)
  const createdTo = [q.createdOnTo, q.modifiedOnTo].filter((d) => d !== undefined)
  return {
    ids: q.customerIds !== undefined && q.customerIds.length > 0 ? q.customerIds : undefined,
    companyIds: q.companyIds,
    emailKey: text(q.email)?.toLowerCase(),
    firstName: text(q.firstName),
    lastName: text(q.lastName),
    businessName: text(q.corporateName),
    keyword: text(q.keyword),
    isWholesale:
      q.customerType === undefined ? undefined : q.customerType === CUSTOMER_TYPE_FILTER.Wholesale,
    createdFrom: createdFrom.length === 0 ? undefined : createdFrom.toSorted().at(-1),
    createdTo: createdTo.length === 0 ? undefined : createdTo.toSorted()[0],
    none: q.rating !== undefined && q.rating !== CUSTOMER_RATING.NotRated,
  }
}
