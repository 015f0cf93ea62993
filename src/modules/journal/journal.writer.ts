import type { JournalOptions } from './journal.types.ts'
import type { Database } from '../../db/database.ts'
import type { JournalDatabase } from '../../db/journal-database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { CapturedRequest } from './journal.capture.ts'
import { inThreadSink, type JournalSink } from './journal.sink.ts'
import { workerSink } from './journal.worker-sink.ts'

/** A flush waits this long for more entries, unless BATCH_ROWS are queued first. */
const FLUSH_DELAY_MS = 250
const BATCH_ROWS = 1000
/** Entries waiting at most; beyond it the oldest are dropped (and counted). */
const MAX_QUEUE = 20_000
/** Retention runs after a flush, at most this often. */
const PRUNE_EVERY_MS = 5_000

export interface JournalLog {
  warn(details: object, message: string): void
}

export interface JournalStats {
  written: number
  /** Dropped because the queue was full (the database could not keep up). */
  dropped: number
  /** Lost because their INSERT failed. */
  failed: number
  pruned: number
}

/** The journal of one app instance: an in-memory queue written in batches, off the request's path. */
export interface RequestJournal {
  readonly enabled: boolean
  readonly config: JournalOptions
  /** Where the entries are (a file of their own beside a SQLite file, see journal-database.ts). */
  readonly db: Database
  readonly stats: Readonly<JournalStats>
  /** Queues one request; never waits, never throws. */
  record(entry: CapturedRequest): void
  /** Writes what is queued now (one transaction), then prunes when due. */
  flush(): Promise<void>
  /** Applies retention now: rows older than the max age, and beyond the max row count, go. */
  prune(): Promise<number>
  /** Flushes this instance's queue, then deletes every row (every instance's) in one transaction. */
  clear(): Promise<number>
  /** Stops the timer, writes what is left and closes the journal's own connection (onClose). */
  close(): Promise<void>
}

/**
 * The batches go to a writer thread when the journal has a file of its own (SQLite), else they are
 * written on this thread (PostgreSQL, `:memory:`: the main database's connection).
 */
function sinkFor(store: JournalDatabase, config: JournalOptions, log: JournalLog): JournalSink {
  const here = inThreadSink(store.db, config, () => store.close())
  if (store.path === null || !config.enabled) {
    return here
  }
  try {
    return workerSink(store.path, config, here, log)
  } catch (error) {
    log.warn({ err: error }, 'request journal: no writer thread; writing on the main thread')
    return here
  }
}

export function createRequestJournal(
  store: JournalDatabase,
  clock: Clock,
  config: JournalOptions,
  log: JournalLog,
  sink: JournalSink = sinkFor(store, config, log),
): RequestJournal {
  const db = store.db
  let queue: CapturedRequest[] = []
  let timer: NodeJS.Timeout | undefined
  let chain: Promise<void> = Promise.resolve()
  let lastPrune = Number.NEGATIVE_INFINITY
  let closed = false
  let lastDropWarning = Number.NEGATIVE_INFINITY
  const stats: JournalStats = { written: 0, dropped: 0, failed: 0, pruned: 0 }
  const flushDelay = sink.flushDelayMs ?? FLUSH_DELAY_MS

  const schedule = (delay: number) => {
    if (timer !== undefined) {
      if (delay > 0) {
        return
      }
      clearTimeout(timer)
    }
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, delay)
    timer.unref()
  }

  const prune = async (): Promise<number> => {
    lastPrune = performance.now()
    const olderThan = new Date(clock.now().getTime() - config.maxAgeMs).toISOString()
    try {
      const n = await sink.prune(olderThan, config.maxRows)
      stats.pruned += n
      return n
    } catch (error) {
      log.warn({ err: error }, 'request journal: retention failed (retried after the next flush)')
      return 0
    }
  }

  const writeQueued = async (): Promise<void> => {
    if (queue.length === 0) {
      return
    }
    const batch = queue
    queue = []
    try {
      stats.written += await sink.write(batch)
    } catch (error) {
      stats.failed += batch.length
      log.warn({ err: error, lost: batch.length }, 'request journal: a batch could not be written')
    }
    if (performance.now() - lastPrune >= PRUNE_EVERY_MS) {
      await prune()
    }
  }

  const flush = (): Promise<void> => {
    chain = chain.then(writeQueued)
    return chain
  }

  return {
    enabled: config.enabled,
    config,
    db,
    stats,
    record(entry) {
      if (!config.enabled || closed) {
        return
      }
      if (queue.length >= MAX_QUEUE) {
        queue.shift()
        stats.dropped += 1
        if (performance.now() - lastDropWarning > 10_000) {
          lastDropWarning = performance.now()
          log.warn(
            { dropped: stats.dropped },
            'request journal: queue full, oldest entries dropped',
          )
        }
      }
      queue.push(entry)
      schedule(queue.length >= BATCH_ROWS ? 0 : flushDelay)
    },
    flush,
    prune: () => {
      const run = chain.then(prune)
      chain = run.then(() => undefined)
      return run
    },
    async clear() {
      await flush()
      const run = chain.then(() => sink.clear())
      chain = run.then(
        () => undefined,
        () => undefined,
      )
      return run
    },
    async close() {
      closed = true
      if (timer !== undefined) {
        clearTimeout(timer)
        timer = undefined
      }
      await flush()
      await sink.close()
    },
  }
}
