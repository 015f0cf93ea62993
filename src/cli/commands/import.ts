import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { Command } from 'commander'
import {
  ApiError,
  type CreateOrderRequest,
  type CreatePurchaseOrderRequest,
  type CrossdockClient,
} from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import {
  ORDER_CSV,
  PO_CSV,
  csvRecords,
  jsonRecords,
  type CsvLayout,
  type ImportRecord,
} from './import-files.ts'
import { positiveInt, printJson } from './output.ts'

// `crossdock import orders|pos <file>`: bulk creation with bounded concurrency, a progress bar on a
// terminal, and a report of every failure at its file line. The rest of the file is still created.

interface ImportFlags extends ConnectionFlags {
  concurrency: number
  format?: string
  progress?: boolean
}

export interface Failure {
  line: number
  status: number | null
  code: string
  message: string
  modelState?: Record<string, string[]>
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

/** The line a failure belongs to: the product row that `model.Products[i]…` names, else the record's. */
function failureLine(
  record: ImportRecord,
  modelState: Record<string, string[]> | undefined,
): number {
  for (const key of Object.keys(modelState ?? {})) {
    const match = /Products\[(\d+)\]/.exec(key)
    const line = match === null ? undefined : record.productLines[Number(match[1])]
    if (line !== undefined) {
      return line
    }
  }
  return record.line
}

function toFailure(record: ImportRecord, error: unknown): Failure {
  if (error instanceof ApiError) {
    return {
      line: failureLine(record, error.modelState),
      status: error.status,
      code: error.code,
      message: error.describe(),
      ...(Object.keys(error.modelState).length > 0 && { modelState: error.modelState }),
    }
  }
  return { line: record.line, status: null, code: 'CLIENT', message: (error as Error).message }
}

/** Runs `worker` over `items`, at most `concurrency` at a time. */
export async function runPool<T>(
  items: T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next
      next += 1
      await worker(items[index]!, index)
    }
  })
  await Promise.all(lanes)
}

function progressBar(enabled: boolean, total: number) {
  let last = 0
  return {
    update(done: number, failed: number, force = false) {
      if (!enabled || (!force && Date.now() - last < 100 && done < total)) {
        return
      }
      last = Date.now()
      const width = 30
      const filled = total === 0 ? width : Math.round((done / total) * width)
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  failed ${failed}`,
      )
    },
    end() {
      if (enabled) {
        process.stderr.write('\n')
      }
    },
  }
}

async function runImport(which: 'orders' | 'pos', file: string, flags: ImportFlags): Promise<void> {
  const kind = KINDS[which]
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
  const records = format === 'csv' ? csvRecords(text, kind.layout) : jsonRecords(text, file)
  const client = clientFrom(flags)
  // Log in once up front: a bad password is one clear error, not one per record.
  await client.token()

  const created: Array<{ line: number; id: number }> = []
  const failures: Failure[] = []
  const bar = progressBar(flags.progress ?? process.stderr.isTTY, records.length)
  let done = 0
  await runPool(records, flags.concurrency, async (record) => {
    if (record.body === undefined) {
      failures.push({
        line: record.errorLine ?? record.line,
        status: null,
        code: 'INVALID_ROW',
        message: record.error ?? 'invalid row',
      })
    } else {
      try {
        created.push({ line: record.line, id: await kind.create(client, record.body) })
      } catch (error) {
        failures.push(toFailure(record, error))
      }
    }
    done += 1
    bar.update(done, failures.length)
  })
  bar.update(done, failures.length, true)
  bar.end()
  created.sort((a, b) => a.line - b.line)
  failures.sort((a, b) => a.line - b.line)

  if (flags.json === true) {
    printJson({
      total: records.length,
      created: created.length,
      failed: failures.length,
      ids: created,
      failures,
    })
  } else {
    process.stdout.write(
      `${file}: ${records.length} ${kind.noun}, ${created.length} created, ${failures.length} failed\n`,
    )
    for (const f of failures) {
      process.stdout.write(
        `line ${f.line}: ${f.status === null ? '' : `${f.status} `}${f.code}: ${f.message}\n`,
      )
    }
  }
  if (failures.length > 0) {
    throw new Error(
      `import ${which}: ${failures.length} of ${records.length} ${kind.noun} failed (see the report)`,
    )
  }
}

export function registerImportCommands(program: Command): void {
  const group = program
    .command('import')
    .description('bulk-create orders or purchase orders from a CSV or JSON file')
  for (const which of ['orders', 'pos'] as const) {
    withConnection(
      group
        .command(which)
        .description(
          which === 'orders'
            ? 'CSV: one row per order line, rows sharing CompanyID+Channel+OrderSourceOrderID form one order; JSON: an array of POST /Orders bodies'
            : 'CSV: one row per PO line, rows sharing PoRef form one PO; JSON: an array of POST /PurchaseOrders bodies',
        )
        .argument('<file>', '.csv, .json (array) or .jsonl (one object per line)')
        .option('--format <format>', 'csv or json (default: from the file extension)')
        .option('-c, --concurrency <n>', 'requests in flight', positiveInt('--concurrency'), 8)
        .option('--progress', 'show a progress bar (default: when standard error is a terminal)')
        .option('--no-progress', 'never show a progress bar')
        .option(
          '--retry',
          'send an Idempotency-Key with each create and retry it on network errors',
        ),
    ).action((file: string, flags: ImportFlags) => runImport(which, file, flags))
  }
}
