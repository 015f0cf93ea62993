// Runs the whole suite. Every database test runs on SQLite and, when a server answers, on
// PostgreSQL. With TEST_DATABASE_URL set, an unreachable PostgreSQL fails the run: never a silent skip.
// A PostgreSQL run that leaves one of its test schemas (`t_<run>_*`, test/helpers/scratch-database.ts)
// behind fails, naming them; they are dropped then, so the next run starts clean.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { DEFAULT_TEST_PG_URL } from '../test/helpers/dialects.ts'
import { testSchemaPrefix } from '../test/helpers/scratch-database.ts'

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    return null
  } catch (error) {
    return (error as Error).message || String(error)
  } finally {
    await client.end().catch(() => {})
  }
}

/** Runs `fn` with a client of the test database. */
async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const TEST_SCHEMAS = `select schema_name as name from information_schema.schemata
  where starts_with(schema_name, $1) order by schema_name`

async function testSchemas(url: string, prefix: string): Promise<string[]> {
  return withClient(url, async (client) =>
    (await client.query<{ name: string }>(TEST_SCHEMAS, [prefix])).rows.map((r) => r.name),
  )
}

async function dropSchemas(url: string, names: string[]): Promise<void> {
  await withClient(url, async (client) => {
    for (const name of names) {
      await client.query(`drop schema if exists "${name.replaceAll('"', '""')}" cascade`)
    }
  })
}

const requested = process.env.TEST_DIALECTS
const explicitUrl = process.env.TEST_DATABASE_URL
const pgUrl = explicitUrl ?? DEFAULT_TEST_PG_URL
let dialects = requested ?? 'sqlite,postgres'

if (dialects.includes('postgres')) {
  const problem = await reachable(pgUrl)
  if (problem !== null) {
    if (explicitUrl !== undefined || requested !== undefined) {
      process.stderr.write(
        `run-tests: PostgreSQL at ${pgUrl} is unreachable (${problem}); failing as TEST_DATABASE_URL/TEST_DIALECTS ask for it.\n`,
      )
      process.exit(1)
    }
    process.stdout.write(
      `run-tests: NOTE — no PostgreSQL at ${pgUrl} (${problem}); the PostgreSQL leg is NOT run. Set TEST_DATABASE_URL to require it.\n`,
    )
    dialects = 'sqlite'
  } else {
    process.stdout.write(`run-tests: PostgreSQL leg runs against ${pgUrl}\n`)
  }
}

const patterns = process.argv.slice(2)
const files =
  patterns.length > 0
    ? patterns
    : ['src/**/*.test.ts', 'packages/client/src/**/*.test.ts', 'test/**/*.test.ts']
const onPostgres = dialects.includes('postgres')
// This run's schemas only (a fresh ID, so none exist yet): another run on the same database may be
// making its own right now.
const runId = randomBytes(3).toString('hex')
const runPrefix = testSchemaPrefix(runId)
const child = spawn(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-timeout=300000', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, TEST_DIALECTS: dialects, TEST_DATABASE_URL: pgUrl, TEST_RUN_ID: runId },
  },
)
child.on('exit', (code, signal) => {
  void finish(code ?? (signal === null ? 1 : 1))
})

async function finish(code: number): Promise<void> {
  process.stdout.write(`run-tests: dialects covered: ${dialects}\n`)
  let exitCode = code
  if (onPostgres) {
    const leaked = await testSchemas(pgUrl, runPrefix)
    if (leaked.length > 0) {
      process.stderr.write(
        `run-tests: FAILED — the run left ${leaked.length} test schema(s) in ${pgUrl}: ${leaked.join(', ')} (dropped now; a test or helper does not drop what it creates)\n`,
      )
      await dropSchemas(pgUrl, leaked)
      exitCode = exitCode === 0 ? 1 : exitCode
    }
  }
  process.exit(exitCode)
}
