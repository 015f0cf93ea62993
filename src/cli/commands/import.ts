import { readFile, writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { Command } from 'commander'
import type {
  CreateOrderRequest,
  CreatePurchaseOrderRequest,
  CrossdockClient,
} from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { ORDER_CSV, PO_CSV, csvRecords, type CsvLayout } from './import-csv.ts'
import { existingOrders } from './import-existing.ts'
import { failedOutText } from './import-failed-out.ts'
import { jsonRecords, type ImportRecord } from './import-files.ts'
import { progressBar, runPool } from './import-pool.ts'
import {
  formatFailure,
  problemFailures,
  requestFailures,
  uniqueFailures,
  type Failure,
} from './import-report.ts'
import { positiveInt, printJson } from './output.ts'

// `crossdock import orders|pos <file>`: bulk creation with bounded concurrency, a progress bar on a
// terminal, and a report of every failure at its file line. The rest of the file is still created;
// `--skip-existing` resumes an order import, `--failed-out` keeps what failed for the next run.

interface ImportFlags extends ConnectionFlags {
  concurrency: number
  format?: string
  progress?: boolean
  skipExisting?: boolean
  failedOut?: string
}

interface Kind {
  noun: string
  layout: CsvLayout
  create(client: CrossdockClient, body: Record<string, unknown>): Promise<number>
}

const KINDS: Record<'orders' | 'pos', Kind> = {
  orders: {
    noun: 'orders',
    layout: ORDER_CSV,
    create: (client, body) => client.orders.create(body as CreateOrderRequest),
  },
  pos: {
    noun: 'purchase orders',
    layout: PO_CSV,
    create: async (client, body) =>
      (await client.purchaseOrders.create(body as CreatePurchaseOrderRequest)).Id,
  },
}

async function readImportFile(
  file: string,
  flags: ImportFlags,
  layout: CsvLayout,
): Promise<{ text: string; format: 'csv' | 'json'; records: ImportRecord[] }> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error })
  }
  const format = flags.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'json')
  if (format !== 'csv' && format !== 'json') {
    throw new Error(`--format must be csv or json, not '${format}'`)
  }
  const records = format === 'csv' ? csvRecords(text, layout) : jsonRecords(text, file)
  return { text, format, records }
}

async function runImport(which: 'orders' | 'pos', file: string, flags: ImportFlags): Promise<void> {
  const kind = KINDS[which]
  const { text, format, records } = await readImportFile(file, flags, kind.layout)
  const client = clientFrom(flags)
  // Log in once up front: a bad password is one clear error, not one per record.
  await client.token()
  const existing =
    flags.skipExisting === true
      ? await existingOrders(client, records, flags.concurrency).catch((error: unknown) => {
          throw new Error(`cannot look up existing orders: ${(error as Error).message}`, {
            cause: error,
          })
        })
      : new Map<ImportRecord, number>()

  const created: Array<{ line: number; id: number }> = []
  const skipped: Array<{ line: number; id: number }> = []
  const failed: ImportRecord[] = []
  const reasons: Failure[] = []
  const bar = progressBar(flags.progress ?? process.stderr.isTTY, records.length)
  let done = 0
  await runPool(records, flags.concurrency, async (record) => {
    const existingId = existing.get(record)
    if (record.body === undefined) {
      failed.push(record)
      reasons.push(...problemFailures(record))
    } else if (existingId !== undefined) {
      skipped.push({ line: record.line, id: existingId })
    } else {
      try {
        created.push({ line: record.line, id: await kind.create(client, record.body) })
      } catch (error) {
        failed.push(record)
        reasons.push(...requestFailures(record, error))
      }
    }
    done += 1
    bar.update(done, failed.length)
  })
  bar.update(done, failed.length, true)
  bar.end()
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line
  created.sort(byLine)
  skipped.sort(byLine)
  failed.sort(byLine)
  const failures = uniqueFailures(reasons)
  printReport({ file, kind, flags, total: records.length, created, skipped, failed, failures })
  if (flags.failedOut !== undefined) {
    await writeFailedOut(flags.failedOut, failedOutText(format, text, failed))
    if (flags.json !== true && failed.length > 0) {
      const rows =
        format === 'csv' ? ` (${failed.reduce((n, r) => n + r.lines.length, 0)} rows)` : ''
      process.stdout.write(
        `wrote ${failed.length} failed ${kind.noun}${rows} to ${flags.failedOut}\n`,
      )
    }
  }
  if (failed.length > 0) {
    throw new Error(
      `import ${which}: ${failed.length} of ${records.length} ${kind.noun} failed (see the report)`,
    )
  }
}

async function writeFailedOut(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text)
  } catch (error) {
    throw new Error(`cannot write --failed-out ${path}: ${(error as Error).message}`, {
      cause: error,
    })
  }
}

interface Outcome {
  file: string
  kind: Kind
  flags: ImportFlags
  total: number
  created: Array<{ line: number; id: number }>
  skipped: Array<{ line: number; id: number }>
  failed: ImportRecord[]
  failures: Failure[]
}

function printReport(o: Outcome): void {
  if (o.flags.json === true) {
    printJson({
      total: o.total,
      created: o.created.length,
      skipped: o.skipped.length,
      failed: o.failed.length,
      ids: o.created,
      existing: o.skipped,
      failures: o.failures,
    })
    return
  }
  const skips = o.flags.skipExisting === true ? `skipped ${o.skipped.length} existing, ` : ''
  process.stdout.write(
    `${o.file}: ${o.total} ${o.kind.noun}, ${o.created.length} created, ${skips}${o.failed.length} failed\n`,
  )
  for (const f of o.failures) {
    process.stdout.write(`${formatFailure(f)}\n`)
  }
}

const DESCRIPTIONS = {
  orders:
    'CSV: one row per order line; rows sharing CompanyID+Channel+OrderSourceOrderID form one order and must agree on its order-level columns (an empty cell agrees). JSON: an array of POST /Orders bodies, or one per line',
  pos: 'CSV: one row per PO line; rows sharing PoRef form one PO and must agree on its PO-level columns (an empty cell agrees). JSON: an array of POST /PurchaseOrders bodies, or one per line',
}

export function registerImportCommands(program: Command): void {
  const group = program
    .command('import')
    .description('bulk-create orders or purchase orders from a CSV or JSON file')
  for (const which of ['orders', 'pos'] as const) {
    const command = group
      .command(which)
      .description(DESCRIPTIONS[which])
      .argument('<file>', '.csv, .json (array) or .jsonl (one object per line)')
      .option('--format <format>', 'csv or json (default: from the file extension)')
      .option('-c, --concurrency <n>', 'requests in flight', positiveInt('--concurrency'), 8)
      .option('--progress', 'show a progress bar (default: when standard error is a terminal)')
      .option('--no-progress', 'never show a progress bar')
      .option('--retry', 'send an Idempotency-Key with each create and retry it on network errors')
      .option(
        '--failed-out <file>',
        'write the failed records to <file> in the input format (CSV: the header and their rows as read) to fix and import again; written even when nothing failed (then the header only)',
      )
    if (which === 'orders') {
      command.option(
        '--skip-existing',
        'first look up each order (CompanyID, Channel, OrderSourceOrderID; 50 per request) and skip those that exist, so a re-run resumes',
      )
    }
    withConnection(command).action((file: string, flags: ImportFlags) =>
      runImport(which, file, flags),
    )
  }
}
