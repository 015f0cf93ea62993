// The face of the auth module: users, passwords and tokens.
export { registerAuthRoutes, type AuthRouteDeps } from './auth.routes.ts'
export {
  changeUser,
  createUser,
  ensureAdminUser,
  getUserView,
  listUserViews,
  resolveJwtSecret,
  type AdminBootstrap,
  type UserView,
} from './auth.service.ts'
export { hashPassword } from './passwords.ts'
export { insertUserUnlessTaken } from './users.repository.ts'
export { createTokenService, type TokenService } from './tokens.ts'
export { TokenRequest, TokenResponse } from './auth.schemas.ts'
