// Runs the whole suite. Every database test runs on SQLite and, when a server answers, on
// PostgreSQL. With TEST_DATABASE_URL set, an unreachable PostgreSQL fails the run: never a silent skip.
import { spawn } from 'node:child_process'
import pg from 'pg'
import { DEFAULT_TEST_PG_URL } from '../test/helpers/dialects.ts'

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
const files = patterns.length > 0 ? patterns : ['src/**/*.test.ts', 'test/**/*.test.ts']
const child = spawn(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-timeout=300000', ...files],
  { stdio: 'inherit', env: { ...process.env, TEST_DIALECTS: dialects, TEST_DATABASE_URL: pgUrl } },
)
child.on('exit', (code, signal) => {
  process.stdout.write(`run-tests: dialects covered: ${dialects}\n`)
  process.exit(code ?? (signal === null ? 1 : 1))
})
