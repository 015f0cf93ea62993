// The face of the companies module.
export { registerCompanyRoutes } from './companies.routes.ts'
export { findCompany, getCompany, listCompaniesForUser, type Company } from './companies.service.ts'
export { CompanyDetails, CompanyList, CompanyListQuery } from './companies.schemas.ts'
// Serialises writes that must see one company's data at a time (duplicate OrderSourceOrderID check).
export { findMissingCompanyIds, lockCompanyRow } from './companies.repository.ts'
// Reference-data writes of fixtures and the admin API.
export { hasAnyCompany, upsertCompany } from './companies.repository.ts'
