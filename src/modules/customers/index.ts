// The face of the customers module.
export { registerCustomerRoutes } from './customers.routes.ts'
export {
  findCustomer,
  findCustomerByEmail,
  insertNewCustomer,
  type Customer,
} from './customers.service.ts'
export { CreateCustomerBody, CustomerDetailsDto } from './customers.schemas.ts'
export { CustomerList, CustomerListQuery } from './customers.list.schemas.ts'
