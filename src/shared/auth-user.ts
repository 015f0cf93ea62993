import { ForbiddenError } from './errors.ts'

/** The authenticated caller, as the token's claims describe it. */
export interface AuthUser {
  id: number
  username: string
  isAdmin: boolean
  /** Companies this user may see; null means every company. */
  companyIds: number[] | null
}

export function canAccessCompany(user: AuthUser, companyId: number): boolean {
  return user.companyIds === null || user.companyIds.includes(companyId)
}

/** Throws 403 when the user is limited to other companies. */
export function assertCompanyAccess(
  user: AuthUser,
  companyId: number,
  what = 'this resource',
): void {
  if (!canAccessCompany(user, companyId)) {
    throw new ForbiddenError(
      `User ${user.username} has no access to company ${companyId} (${what}).`,
    )
  }
}

/**
 * The company IDs a list query may return: the requested ones the user can see, or all the user
 * can see when none are requested. `null` means no restriction.
 */
export function visibleCompanyIds(
  user: AuthUser,
  requested: number[] | undefined,
): number[] | null {
  const wanted = requested !== undefined && requested.length > 0 ? requested : null
  if (user.companyIds === null) {
    return wanted
  }
  if (wanted === null) {
    return user.companyIds
  }
  return wanted.filter((id) => user.companyIds!.includes(id))
}
