import { ApiError } from '../../../packages/client/src/index.ts'
import type { ImportRecord } from './import-files.ts'

// Why records failed, each reason once and at the file line it concerns: a bad cell at its row,
// rows that disagree at the first of the two, a server field error (`model.Products[1].Qty`,
// `model.OrderDetails.CompanyID`) at the row that gave that field.

export interface Failure {
  line: number
  /** Every line the reason names, when it names more than one. */
  lines?: number[]
  /** The HTTP status, or null for a problem found before sending or a request with no answer. */
  status: number | null
  code: string
  message: string
  /** The ModelState key of a server field error. */
  field?: string
}

/** The row a ModelState key names: a product row, the row that gave an order-level field, or the first. */
export function lineOfField(record: ImportRecord, key: string): number {
  const path = key.replace(/^model\./i, '')
  const product = /^Products\[(\d+)\]/i.exec(path)
  if (product !== null) {
    return record.productLines[Number(product[1])] ?? record.line
  }
  const lower = path.toLowerCase()
  let line: number | undefined
  for (const [field, at] of Object.entries(record.fieldLines)) {
    const f = field.toLowerCase()
    if (f === lower) {
      return at
    }
    // `model.ShippingAddress` names the object: the first row that gave one of its fields.
    if (f.startsWith(`${lower}.`) && (line === undefined || at < line)) {
      line = at
    }
  }
  return line ?? record.line
}

/** The problems found before sending. */
export function problemFailures(record: ImportRecord): Failure[] {
  return record.problems.map((p) => ({
    line: p.lines[0] ?? record.line,
    ...(p.lines.length > 1 && { lines: p.lines }),
    status: null,
    code: p.code,
    message: p.message,
  }))
}

/** A failed request: one reason per ModelState message (each at its row), else one for the record. */
export function requestFailures(record: ImportRecord, error: unknown): Failure[] {
  if (!(error instanceof ApiError)) {
    return [{ line: record.line, status: null, code: 'CLIENT', message: (error as Error).message }]
  }
  const fields = Object.entries(error.modelState)
  if (fields.length === 0) {
    return [{ line: record.line, status: error.status, code: error.code, message: error.message }]
  }
  // The body's Message is a summary ("The request is invalid.") or one of these messages again.
  return fields.flatMap(([key, messages]) =>
    messages.map((message) => ({
      line: lineOfField(record, key),
      status: error.status,
      code: error.code,
      message: `${key.replace(/^model\./i, '')}: ${message}`,
      field: key,
    })),
  )
}

/** Failures in line order, a reason given twice kept once. */
export function uniqueFailures(failures: Failure[]): Failure[] {
  const seen = new Set<string>()
  return failures
    .filter((f) => {
      const key = `${f.line}\u0000${f.code}\u0000${f.message}`
      if (seen.has(key)) {
        return false
      }
      seen.add(key)
      return true
    })
    .sort((a, b) => a.line - b.line)
}

export function formatFailure(f: Failure): string {
  return `line ${f.line}: ${f.status === null ? '' : `${f.status} `}${f.code}: ${f.message}`
}
