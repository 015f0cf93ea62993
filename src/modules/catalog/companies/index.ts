// The face of the companies module.
export { registerCompanyRoutes } from './companies.routes.ts'
export { findCompany, listCompaniesForUser, type Company } from './companies.service.ts'
export { CompanyDetails, CompanyList, CompanyListQuery } from './companies.schemas.ts'
