import fc from 'fast-check'

// The verdict of one fuzz test (not a test file): each test counts its own cases, and a 5xx fails
// the test that saw it, naming the seed, the fast-check path and the request that reproduce it,
// even where an assertion inside the property could be lost (a swallowed error, a shrink, a retry).

/**
 * Codes Crossdock answers with a 5xx on purpose, because the real service does and clients rely on
 * it (docs/compat.md, "Statuses the real service shows"): such an answer is a verdict, not a crash.
 */
export const DELIBERATE_5XX_CODES: ReadonlySet<string> = new Set([
  'DUPLICATE_ORDER_SOURCE_ORDER_ID',
])

/** Whether a response is a 5xx that is not a deliberate one: a 500 whose body's `Code` is listed. */
export function isUnexpected5xx(status: number, response: string): boolean {
  if (status < 500) {
    return false
  }
  if (status !== 500) {
    return true
  }
  try {
    const code = (JSON.parse(response) as { Code?: unknown } | null)?.Code
    return !(typeof code === 'string' && DELIBERATE_5XX_CODES.has(code))
  } catch {
    return true
  }
}

export interface FuzzRequest {
  method: string
  url: string
  /** The body as sent (shortened in reports). */
  body?: string | Buffer
}

export interface Seen5xx {
  status: number
  request: FuzzRequest
  response: string
  seed: number
  /** fast-check's path of the run that saw it: `{ seed, path }` replays exactly that case. */
  path: string
}

/** One test's count: never shared between tests (a module-level tally hid a 5xx once). */
export class FuzzTally {
  readonly name: string
  readonly seed: number
  cases = 0
  readonly byStatus = new Map<number, number>()
  readonly seen5xx: Seen5xx[] = []
  /** Index of the property run in progress, for `path`. */
  private run = -1

  constructor(name: string, seed: number) {
    this.name = name
    this.seed = seed
  }

  /** Called once at the start of each property run. */
  nextRun(): void {
    this.run += 1
  }

  /**
   * Counts a response; a 5xx is kept, to fail the test at its end if nothing else did, unless it is
   * deliberate (`isUnexpected5xx`).
   */
  record(request: FuzzRequest, status: number, response: string): void {
    this.cases += 1
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1)
    if (isUnexpected5xx(status, response)) {
      this.seen5xx.push({
        status,
        request,
        response: response.slice(0, 500),
        seed: this.seed,
        path: String(Math.max(0, this.run)),
      })
    }
  }

  /** Throws, naming what reproduces the first 5xx, if this test saw any. */
  assertNo5xx(): void {
    const first = this.seen5xx[0]
    if (first === undefined) {
      return
    }
    throw new Error(
      `${this.name}: ${this.seen5xx.length} response(s) ≥ 500 in ${this.cases} cases; first: ${describe5xx(first)}`,
    )
  }

  summary(): string {
    return `${this.cases} cases, 5xx: ${this.seen5xx.length}, statuses ${JSON.stringify(Object.fromEntries(this.byStatus))}`
  }
}

export function describe5xx(s: Seen5xx): string {
  const body =
    s.request.body === undefined
      ? ''
      : ` body ${(Buffer.isBuffer(s.request.body) ? s.request.body.toString('latin1') : s.request.body).slice(0, 500)}`
  return `${s.status} for ${s.request.method} ${s.request.url}${body} → ${s.response} (replay: CROSSDOCK_FUZZ_SEED=${s.seed}, fast-check { seed: ${s.seed}, path: "${s.path}" })`
}

/** The seed of this run: fixed unless `random` (the long mode), then drawn once and printed. */
export function fuzzSeed(raw: string | undefined, fallback: number): number {
  if (raw === 'random') {
    return Math.floor(Math.random() * 2 ** 31)
  }
  return raw === undefined || raw === '' ? fallback : Number(raw)
}

export interface FuzzOptions {
  numRuns: number
  /** Stop early (counting what ran) once this much time has gone: the long mode's per-route budget. */
  timeLimitMs?: number
}

/**
 * Runs `property` under `tally` and fails if any response it sent was a 5xx, whatever fast-check
 * made of it.
 * @example await fuzz(tally, arb, async (c) => check(await send(tally, c)), { numRuns: 200 })
 */
export async function fuzz<T>(
  tally: FuzzTally,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => Promise<void>,
  options: FuzzOptions,
): Promise<void> {
  let failure: Error | undefined
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        tally.nextRun()
        await check(value)
      }),
      {
        numRuns: options.numRuns,
        endOnFailure: true,
        seed: tally.seed,
        ...(options.timeLimitMs !== undefined && { interruptAfterTimeLimit: options.timeLimitMs }),
      },
    )
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error))
  }
  // A 5xx fails the test even when the property passed; its reproduction wins over fast-check's
  // report (which prints the whole, possibly megabyte-long, counterexample).
  tally.assertNo5xx()
  if (failure !== undefined) {
    throw failure
  }
}
