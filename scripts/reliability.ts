// Runs the reliability suites (test/reliability). `--long` raises every budget far beyond what
// `npm test` spends: 20,000 fuzz cases per write route on SQLite and 2,000 on PostgreSQL, 20 SIGKILLs
// per dialect, 4,000 concurrent operations across two instances, and a random fuzz seed each run
// (npm test replays a fixed one).
//   node scripts/reliability.ts          the same budgets as npm test
//   node scripts/reliability.ts --long   the long mode (expect an hour or more)
import { spawn } from 'node:child_process'

const long = process.argv.includes('--long')
const budgets: Record<string, string> = long
  ? {
      CROSSDOCK_FUZZ_RUNS: '20000',
      CROSSDOCK_FUZZ_RUNS_PG: '2000',
      CROSSDOCK_CRASH_KILLS: '20',
      CROSSDOCK_CONCURRENCY_OPS: '4000',
      CROSSDOCK_FUZZ_SEED: 'random',
    }
  : {}
const files = process.argv.slice(2).filter((a) => a !== '--long')
const child = spawn(
  process.execPath,
  ['scripts/run-tests.ts', ...(files.length > 0 ? files : ['test/reliability/*.test.ts'])],
  { stdio: 'inherit', env: { ...process.env, ...budgets } },
)
child.on('exit', (code) => process.exit(code ?? 1))
