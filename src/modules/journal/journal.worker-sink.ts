import { Worker } from 'node:worker_threads'
import type { JournalOptions } from './journal.types.ts'
import type { JournalSink } from './journal.sink.ts'
import type { JournalLog } from './journal.writer.ts'
import type {
  JournalWorkerData,
  JournalWorkerReply,
  JournalWorkerRequest,
} from './journal.worker.ts'

const HANDOVER_DELAY_MS = 10

type Request = JournalWorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never

/**
 * The journal's batches handed to a writer thread that owns a connection to the journal's own file:
 * the rows are built (redaction, cuts, JSON) and inserted there, so the serving thread only copies
 * the batch. Secrets travel to the thread in memory and are redacted before any INSERT.
 *
 * The thread never keeps the process alive (unref), and if it dies the death is logged, the batches
 * it held are counted lost, and every later call goes to `fallback` (this thread's connection).
 */
export function workerSink(
  path: string,
  config: Pick<JournalOptions, 'bodyLimitBytes'>,
  fallback: JournalSink,
  log: JournalLog,
): JournalSink & { crash(): Promise<void> } {
  const data: JournalWorkerData = { path, config }
  let worker: Worker | null = new Worker(new URL('./journal.worker.ts', import.meta.url), {
    workerData: data,
  })
  worker.unref()
  let nextId = 0
  const pending = new Map<number, { resolve(n: number): void; reject(error: Error): void }>()
  let closing = false

  const gone = (error: Error) => {
    worker = null
    for (const waiting of pending.values()) {
      waiting.reject(error)
    }
    pending.clear()
  }
  worker.on('message', (reply: JournalWorkerReply) => {
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    if (reply.ok) {
      waiting?.resolve(reply.n)
    } else {
      waiting?.reject(new Error(reply.error))
    }
  })
  worker.on('error', (error: Error) => {
    log.warn(
      { err: error },
      'request journal: its writer thread failed; writing on the main thread',
    )
    gone(error)
  })
  worker.on('exit', (code) => {
    if (!closing && worker !== null) {
      log.warn({ code }, 'request journal: its writer thread stopped; writing on the main thread')
    }
    gone(new Error(`request journal: writer thread exited (${code})`))
  })

  const send = (request: Request): Promise<number> | null => {
    if (worker === null) {
      return null
    }
    const id = (nextId += 1)
    const target = worker
    return new Promise<number>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      // Keep the process alive only while a reply is awaited (a flush, a shutdown's last batch).
      target.ref()
      const message: JournalWorkerRequest = { ...request, id }
      target.postMessage(message)
    }).finally(() => {
      if (pending.size === 0) {
        target.unref()
      }
    })
  }

  return {
    // Handed over soon: the batch's texts are copied to the thread and die young here (held for
    // 250 ms they outlive a scavenge and end in the old generation). The thread's own INSERT time
    // makes the batches: what arrives while it writes goes in the next one.
    flushDelayMs: HANDOVER_DELAY_MS,
    write: (batch) => send({ op: 'write', batch }) ?? fallback.write(batch),
    prune: (olderThan, keep) =>
      send({ op: 'prune', olderThan, keep }) ?? fallback.prune(olderThan, keep),
    clear: () => send({ op: 'clear' }) ?? fallback.clear(),
    async close() {
      const target = worker
      if (target !== null) {
        await send({ op: 'close' })?.catch(() => 0)
        closing = true
        await target.terminate()
      }
      await fallback.close()
    },
    async crash() {
      await send({ op: 'crash' })?.catch(() => 0)
    },
  }
}
