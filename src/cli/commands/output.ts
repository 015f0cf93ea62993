import { readFile } from 'node:fs/promises'

// Output for people (aligned tables) and for scripts (`--json`), and small argument parsers.

export type Cell = string | number | boolean | null | undefined

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/** An aligned text table; numbers right-aligned. */
export function formatTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))),
  )
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...text.map((row) => row[i]?.length ?? 0)),
  )
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] === true ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  return (
    [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n') + '\n'
  )
}

export function printTable(headers: string[], rows: Cell[][]): void {
  process.stdout.write(formatTable(headers, rows))
}

export interface ListSource<T> {
  /** Every item, following pages (for `--all`). */
  all(): AsyncIterable<T>
  /** One page, as the flags ask. */
  page(): Promise<{ Items: T[]; TotalResults: number }>
}

/** Prints a list command's result: `--all` walks every page, `--json` prints the envelope, else a table. */
export async function printList<T>(
  flags: { all?: boolean; json?: boolean },
  source: ListSource<T>,
  table: { headers: string[]; row: (item: T) => Cell[]; noun: string },
): Promise<void> {
  let items: T[]
  let total: number
  if (flags.all === true) {
    items = []
    for await (const item of source.all()) {
      items.push(item)
    }
    total = items.length
  } else {
    const page = await source.page()
    items = page.Items
    total = page.TotalResults
  }
  if (flags.json === true) {
    printJson({ Items: items, TotalResults: total })
  } else {
    printTable(table.headers, items.map(table.row))
    process.stdout.write(`${items.length} of ${total} ${table.noun}\n`)
  }
}

/** Prints a get command's result: `--json` prints the record, else its fields and a table of its lines. */
export function printDetail<T>(
  flags: { json?: boolean },
  record: T,
  view: (record: T) => { fields: Array<[string, Cell]>; headers: string[]; rows: Cell[][] },
): void {
  if (flags.json === true) {
    printJson(record)
    return
  }
  const { fields, headers, rows } = view(record)
  printFields(fields)
  process.stdout.write('\n')
  printTable(headers, rows)
}

/** `key: value` lines. */
export function printFields(fields: Array<[string, Cell]>): void {
  const width = Math.max(...fields.map(([k]) => k.length))
  for (const [key, value] of fields) {
    process.stdout.write(`${`${key}:`.padEnd(width + 2)}${value ?? ''}\n`)
  }
}

export function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 2147483647) {
      throw new Error(`${name} must be a positive whole number, not '${value}'`)
    }
    return Number(value)
  }
}

/** `1,2,3` → [1, 2, 3]. */
export function intList(name: string) {
  return (value: string): number[] => value.split(',').map((v) => positiveInt(name)(v.trim()))
}

/** `id:qty` pairs, repeatable. */
export function idQty(name: string) {
  return (value: string, previous: Array<{ id: number; qty: number | undefined }> = []) => {
    const [id, qty] = value.split(':')
    return [
      ...previous,
      {
        id: positiveInt(name)(id ?? ''),
        qty: qty === undefined ? undefined : positiveInt(`${name} quantity`)(qty),
      },
    ]
  }
}

/** A JSON body from a file, or standard input for `-`. */
export async function readJsonBody(file: string): Promise<unknown> {
  let text: string
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8')
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error })
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error })
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * `crossdock … | head` closes the pipe before the output ends: the next write fails with EPIPE.
 * That is the reader's choice, not an error: end at once, quietly, with status 0.
 */
export function exitQuietlyOnBrokenPipe(): void {
  // Standard output only: a failure whose stderr is gone must still end with status 1.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      process.exit(0)
    }
    throw error
  })
}
