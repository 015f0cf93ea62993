// Bulk-import files read into request bodies, each remembering the file lines and text it came
// from, so a failure is reported at its line and the failed records can be written back. CSV lives
// in import-csv.ts; this holds the record shape and JSON (an array, or one object per line).

/** A problem found before sending: the record is not sent. */
export interface RowProblem {
  /** The lines it names (two for rows that disagree). */
  lines: number[]
  code: 'INVALID_ROW' | 'ROWS_DISAGREE'
  message: string
}

export interface ImportRecord {
  /** The file line of the record (its first row). */
  line: number
  /** The line of each of its rows (CSV), or of the JSON element, in file order. */
  lines: number[]
  /** The line of each `Products[i]` row (CSV), for mapping `model.Products[i].…` errors. */
  productLines: number[]
  /** Order-level body paths → the line of the row that gave them, for `model.<path>` errors. */
  fieldLines: Record<string, number>
  /** The text of each row (or the JSON element) as read, beside `lines`, for `--failed-out`. */
  source: string[]
  /** The request body; absent when `problems` is not empty. */
  body?: Record<string, unknown>
  problems: RowProblem[]
}

/** Where each top-level element of a JSON array starts (1-based line) and its text's offsets. */
export function arrayElements(text: string): Array<{ line: number; start: number; end: number }> {
  const elements: Array<{ line: number; start: number; end: number }> = []
  let line = 1
  let depth = 0
  let inString = false
  let escaped = false
  let expecting = false
  let open = false
  // One past the last character of the element being read (strings and nested values included).
  let lastEnd = 0
  const close = () => {
    if (open) {
      elements[elements.length - 1]!.end = lastEnd
      open = false
    }
  }
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!
    if (ch === '\n') {
      line += 1
    }
    if (inString) {
      if (escaped) {
        escaped = false
      } else if (ch === '\\') {
        escaped = true
      } else if (ch === '"') {
        inString = false
      }
      lastEnd = i + 1
      continue
    }
    const blank = /\s/.test(ch)
    if (depth === 1 && expecting && !blank && ch !== ']') {
      elements.push({ line, start: i, end: i + 1 })
      expecting = false
      open = true
    }
    if (ch === '"') {
      inString = true
      lastEnd = i + 1
    } else if (ch === '[' || ch === '{') {
      if (depth === 0 && ch === '[') {
        expecting = true
      } else {
        lastEnd = i + 1
      }
      depth += 1
    } else if (ch === ']' || ch === '}') {
      depth -= 1
      if (depth === 0) {
        close()
      } else {
        lastEnd = i + 1
      }
    } else if (ch === ',' && depth === 1) {
      close()
      expecting = true
    } else if (!blank) {
      lastEnd = i + 1
    }
  }
  return elements
}

/** Where each top-level element of a JSON array starts (1-based lines). */
export function arrayElementLines(text: string): number[] {
  return arrayElements(text).map((e) => e.line)
}

/** Whether a JSON import file is an array (else JSON Lines). */
export function isJsonArray(text: string): boolean {
  return text.trimStart().startsWith('[')
}

/** A JSON array of bodies, or JSON Lines (one body per line). */
export function jsonRecords(text: string, file: string): ImportRecord[] {
  if (isJsonArray(text)) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error })
    }
    const elements = arrayElements(text)
    return (parsed as unknown[]).map((body, i) => {
      const at = elements[i]
      return record(body, at?.line ?? 0, at === undefined ? '' : text.slice(at.start, at.end))
    })
  }
  const records: ImportRecord[] = []
  text.split('\n').forEach((rawLine, i) => {
    const raw = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine
    if (raw.trim() === '') {
      return
    }
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch (error) {
      const problem = `not valid JSON (${(error as Error).message})`
      records.push({ ...bare(i + 1, raw), problems: [invalid(i + 1, problem)] })
      return
    }
    records.push(record(body, i + 1, raw))
  })
  return records
}

function bare(line: number, source: string): ImportRecord {
  return { line, lines: [line], productLines: [], fieldLines: {}, source: [source], problems: [] }
}

function invalid(line: number, message: string): RowProblem {
  return { lines: [line], code: 'INVALID_ROW', message }
}

function record(body: unknown, line: number, source: string): ImportRecord {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ...bare(line, source), problems: [invalid(line, 'expected a JSON object')] }
  }
  return { ...bare(line, source), body: body as Record<string, unknown> }
}
