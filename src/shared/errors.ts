/**
 * Domain errors. Services throw these; only `http/error-handler.ts` maps them to HTTP.
 * Every error carries a stable `code` from the closed union below.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHORIZED'
  | 'INVALID_GRANT'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'COMPANY_NOT_FOUND'
  | 'VENDOR_NOT_FOUND'
  | 'VENDOR_PRODUCT_NOT_FOUND'
  | 'WAREHOUSE_NOT_FOUND'
  | 'PRODUCT_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'CUSTOMER_NOT_FOUND'
  | 'PAYMENT_TERM_NOT_FOUND'
  | 'VIEW_NOT_FOUND'
  | 'PRODUCT_CONDITION_NOT_FOUND'
  | 'CUSTOM_COLUMN_NOT_FOUND'
  | 'PO_NOT_FOUND'
  | 'ORDER_NOT_FOUND'
  | 'CONTAINER_NOT_FOUND'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'DUPLICATE_ORDER_SOURCE_ORDER_ID'
  | 'RULE_VIOLATION'
  | 'SETTING_DISABLED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'MALFORMED_JSON'
  | 'METHOD_NOT_ALLOWED'
  | 'IDEMPOTENCY_MISMATCH'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'IDEMPOTENCY_INTERRUPTED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'DATABASE_BUSY'
  | 'LOGIN_THROTTLED'
  | 'INTERNAL'

/** Field path (`model.Products[0].QtyUnitsOrdered`) → messages, as ASP.NET's ModelState. */
export type ModelState = Record<string, string[]>

export class AppError extends Error {
  readonly code: ErrorCode
  readonly modelState: ModelState | undefined

  constructor(code: ErrorCode, message: string, modelState?: ModelState) {
    super(message)
    this.name = new.target.name
    this.code = code
    this.modelState = modelState
  }
}

/** Bad input: a field breaks a rule. Always carries ModelState naming the field(s). */
export class ValidationError extends AppError {
  constructor(modelState: ModelState, message = 'The request is invalid.') {
    super('VALIDATION', message, modelState)
  }

  /** One field, one message. `field` is the wire path without the `model.` prefix. */
  static field(field: string, message: string): ValidationError {
    return new ValidationError({ [`model.${field}`]: [message] })
  }
}

export class UnauthorizedError extends AppError {
  constructor() {
    super('UNAUTHORIZED', 'Authorization has been denied for this request.')
  }
}

/** Failed login. Answered in the OWIN OAuth format Sellercloud's token endpoint uses. */
export class InvalidGrantError extends AppError {
  constructor() {
    super('INVALID_GRANT', 'The user name or password is incorrect.')
  }
}

/** Over the request budget. Answered in Sellercloud's documented throttling body. */
export class RateLimitedError extends AppError {
  readonly resetAt: Date
  /** Seconds until `resetAt`, counted on the clock that computed it (the sandbox clock). */
  readonly retryAfterSeconds: number
  constructor(resetAt: Date, now: Date) {
    super('RATE_LIMITED', 'Too many requests.')
    this.resetAt = resetAt
    this.retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000))
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have access to this resource.') {
    super('FORBIDDEN', message)
  }
}

export class NotFoundError extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(code, message)
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code: ErrorCode = 'CONFLICT') {
    super(code, message)
  }
}

/**
 * A rule of the workflow forbids this on otherwise well-formed input. Sellercloud answers
 * these with 400, so this carries ModelState too and maps to 400 (docs/compat.md, "Errors").
 */
export class RuleViolationError extends AppError {
  constructor(field: string | null, message: string, code: ErrorCode = 'RULE_VIOLATION') {
    super(code, message, field === null ? undefined : { [`model.${field}`]: [message] })
  }
}

/**
 * A wait ran out (a lock, a statement, a pool connection): nothing was written and the same
 * request may succeed later. Answered 503 with `Retry-After`.
 */
export class RetryableError extends AppError {
  readonly retryAfterSeconds: number
  constructor(code: ErrorCode, message: string, retryAfterSeconds = 1) {
    super(code, message)
    this.retryAfterSeconds = retryAfterSeconds
  }
}
