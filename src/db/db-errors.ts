import { ConflictError, RetryableError } from '../shared/errors.ts'

interface DriverError {
  code?: unknown
  constraint?: unknown
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as DriverError | null)?.code
  // 23505: PostgreSQL unique_violation.
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as DriverError | null)?.code
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

/** Run a write and translate unique/FK violations into a ConflictError with the given message. */
export async function translateConstraintErrors<T>(
  write: () => Promise<T>,
  message: string,
): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (isUniqueViolation(error) || isForeignKeyViolation(error)) {
      throw new ConflictError(message, 'DUPLICATE')
    }
    throw error
  }
}

// A wait the database gave up on: nothing of the request was written, and the same request may
// well succeed a moment later. Each names the wait that ran out (docs/reliability.md, "Limits").
const BUSY_CODES = new Map<unknown, string>(
  Object.entries({
    // PostgreSQL lock_not_available: lock_timeout ran out waiting for a row another request holds.
    '55P03': 'The record is locked by another request; try again.',
    // query_canceled: statement_timeout ran out.
    '57014': 'The database took too long to answer; try again.',
    // idle_in_transaction_session_timeout: the server ended a transaction left idle too long.
    '25P03': 'The database ended a transaction that waited too long; try again.',
    // deadlock_detected, serialization_failure: retried by inTransaction; one still left after its
    // attempts (or from a write outside it) is the same kind of wait, never a 500.
    '40P01': 'The database broke a deadlock with another request; try again.',
    '40001': 'The database could not serialize this request with another; try again.',
  }),
)

const BUSY_MESSAGES = new Map<unknown, string>(
  Object.entries({
    // pg-pool: every connection stayed busy for the pool-acquire timeout.
    'timeout exceeded when trying to connect': 'Every database connection is busy; try again.',
    // pg: a new connection did not open within the same timeout.
    'Connection terminated due to connection timeout':
      'The database did not accept a connection in time; try again.',
    // pg: the connection was ended by the server (idle-in-transaction timeout) before this query was sent.
    'Client has encountered a connection error and is not queryable':
      'The database connection was lost before the request was written; try again.',
  }),
)

/**
 * The 503 `DATABASE_BUSY` for an error that is a timed-out wait (a lock, a statement, an idle
 * transaction, a pool connection; SQLite's write lock past busy_timeout and the retries of
 * `inTransaction`), else undefined. The error handler calls it on every error that is not an AppError.
 */
export function databaseBusyError(error: unknown): RetryableError | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  const text =
    BUSY_CODES.get(code) ??
    BUSY_MESSAGES.get(message) ??
    (typeof code === 'string' && code.startsWith('SQLITE_BUSY')
      ? 'The database is busy; try again.'
      : undefined)
  return text === undefined ? undefined : new RetryableError('DATABASE_BUSY', text, 1)
}
