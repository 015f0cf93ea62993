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
export { generatePassword, hashPassword } from './passwords.ts'
export {
  applyAdminPassword,
  resetUserPassword,
  type AdminPasswordResult,
  type PasswordReset,
} from './set-user-password.ts'
export { deleteUsersExcept, findUserByUsername, insertUserUnlessTaken } from './users.repository.ts'
export { createTokenService, type TokenService, type VerifiedToken } from './tokens.ts'
export { createAccessGuard, DEFAULT_ACCESS_MAX_AGE_MS, type AccessGuard } from './access-guard.ts'
export { TokenRequest, TokenResponse } from './auth.schemas.ts'
export {
  createLoginThrottle,
  LOGIN_THROTTLE_DEFAULTS,
  type LoginThrottle,
  type LoginThrottleLimits,
} from './login-throttle.ts'
