import type { Transaction } from 'kysely'
import type { DB } from './database.ts'

// Domain events that travel with the transaction that causes them. A use case emits inside its
// own transaction; every subscriber runs in that same transaction, in the order it subscribed,
// before the use case goes on. A subscriber that throws rolls the whole change back, so an
// invariant that spans modules (an order released when the PO it waits for is received) is still
// one transaction. The bus is created by the app root (src/app), never at module level.

export type EventHandler<P> = (trx: Transaction<DB>, payload: P) => Promise<void>

/** What a use case needs to announce what it did: emit inside its transaction. */
export interface EventEmitter<M> {
  emit<K extends keyof M & string>(trx: Transaction<DB>, name: K, payload: M[K]): Promise<void>
}

/** Where a flow or the app root subscribes to events. */
export interface EventSubscriber<M> {
  on<K extends keyof M & string>(name: K, handler: EventHandler<M[K]>): () => void
}

/**
 * An event bus for the event map `M` (event name → payload).
 * @example const bus = new EventBus<EventMap>(); bus.on('po.received', (trx, po) => release(trx, po))
 */
export class EventBus<M> implements EventEmitter<M>, EventSubscriber<M> {
  // Each list holds handlers of its own event's payload; the map cannot say so in its type.
  readonly #handlers = new Map<keyof M, Array<EventHandler<never>>>()

  /** Subscribes for the bus's lifetime; returns a function that unsubscribes. */
  on<K extends keyof M & string>(name: K, handler: EventHandler<M[K]>): () => void {
    const list = this.#handlers.get(name) ?? []
    list.push(handler)
    this.#handlers.set(name, list)
    return () => {
      const at = list.indexOf(handler)
      if (at !== -1) {
        list.splice(at, 1)
      }
    }
  }

  async emit<K extends keyof M & string>(
    trx: Transaction<DB>,
    name: K,
    payload: M[K],
  ): Promise<void> {
    const list = this.#handlers.get(name)
    if (list === undefined) {
      return
    }
    for (const handler of [...list]) {
      await (handler as EventHandler<M[K]>)(trx, payload)
    }
  }
}
