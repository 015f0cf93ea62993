import { ConflictError } from '../shared/errors.ts'

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
