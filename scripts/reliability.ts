// Runs the reliability suites (test/reliability) and prints a summary of their figures (the lines
// docs/reliability.md "Figures from the last run" quotes). `--long` raises every budget far beyond
// what `npm test` spends, sized to finish in about half an hour on the 2-core machine every developer
// and CI has: 20,000 fuzz cases per write route on SQLite and 2,000 on PostgreSQL, but at most
// CROSSDOCK_FUZZ_ROUTE_MS (30 s) per route and 1,500 cases on the routes that pay scrypt on every
// well-formed case (token, users; 30 s for 2,000 on SQLite alone), 20 SIGKILLs per dialect, 4,000
// concurrent operations across two instances, and a random fuzz seed each run (npm test replays a
// fixed one; the summary prints the seed drawn).
//   node scripts/reliability.ts                 the same budgets as npm test
//   node scripts/reliability.ts --long          the long mode
//   node scripts/reliability.ts [--long] FILES  only these test files
import { spawn } from 'node:child_process'

const long = process.argv.includes('--long')
const budgets: Record<string, string> = {
  CROSSDOCK_FUZZ_REPORT: 'routes',
  ...(long && {
    CROSSDOCK_FUZZ_RUNS: '20000',
    CROSSDOCK_FUZZ_RUNS_PG: '2000',
    CROSSDOCK_FUZZ_RUNS_SCRYPT: '1500',
    CROSSDOCK_FUZZ_ROUTE_MS: '30000',
    CROSSDOCK_CRASH_KILLS: '20',
    CROSSDOCK_CONCURRENCY_OPS: '4000',
    CROSSDOCK_FUZZ_SEED: 'random',
  }),
}
// Explicit settings win over the mode's, so one budget can be changed for a run.
const env = { ...process.env, ...budgets }
for (const name of Object.keys(budgets)) {
  if (process.env[name] !== undefined) {
    env[name] = process.env[name]
  }
}
const files = process.argv.slice(2).filter((a) => a !== '--long')
const started = Date.now()
const child = spawn(
  process.execPath,
  ['scripts/run-tests.ts', ...(files.length > 0 ? files : ['test/reliability/*.test.ts'])],
  { stdio: ['ignore', 'pipe', 'inherit'], env },
)

/** The suites' own figure lines, and the runner's closing counts. */
const FIGURE = /^(fuzz \[|crash \[|concurrency:|access matrix|ℹ (tests|pass|fail|cancelled) )/
const figures: string[] = []
const slowest: Array<{ seconds: number; line: string }> = []
let pending = ''
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk)
  pending += chunk.toString()
  const lines = pending.split('\n')
  pending = lines.pop() ?? ''
  for (const line of lines) {
    const text = line.trim()
    if (FIGURE.test(text)) {
      figures.push(text)
    }
    const route = /^fuzz route (.*) in ([\d.]+) s$/.exec(text)
    if (route !== null) {
      slowest.push({ seconds: Number(route[2]), line: route[1]! })
    }
  }
})
child.on('exit', (code) => {
  const minutes = ((Date.now() - started) / 60_000).toFixed(1)
  const out = [
    '',
    `── reliability summary (${long ? 'long' : 'npm test'} budgets, ${minutes} min, exit ${code}) ──`,
    ...Object.entries(budgets).map(([k, v]) => `  ${k}=${env[k] ?? v}`),
    ...figures.map((f) => `  ${f}`),
    '  slowest fuzz routes:',
    ...slowest
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 6)
      .map((s) => `    ${s.seconds.toFixed(1)} s  ${s.line}`),
    '',
  ]
  process.stdout.write(out.join('\n'))
  process.exit(code ?? 1)
})
