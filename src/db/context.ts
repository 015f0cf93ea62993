import type { Clock } from '../shared/clock.ts'
import type { Database } from './database.ts'
import type { EventEmitter } from './events.ts'

/** What a read use case needs. Use cases take it first: `(ctx, user, ...ids, input)`. */
export interface ReadContext {
  db: Database
}

/** What a write use case needs: the database, the clock, and where to announce what it did. */
export interface WriteContext<M = Record<never, never>> extends ReadContext {
  clock: Clock
  events: EventEmitter<M>
}
