import { ValidationError, type ModelState } from './errors.ts'

/**
 * Collects field problems and throws them together as one 400, keyed as ASP.NET's ModelState
 * (`model.Products[0].QtyUnitsOrdered`). The one way Crossdock builds a ModelState by hand.
 * @example const problems = new ModelStateBuilder(); problems.add('Items[0].ID', 'Not a line of PO 7.'); problems.throwIfAny()
 */
export class ModelStateBuilder {
  readonly state: ModelState = {}

  /** Adds a message for a body field; `field` is its wire path without the `model.` prefix. */
  add(field: string, message: string): this {
    return this.addKey(`model.${field}`, message)
  }

  /** Adds a message under a key used as is (`header.Idempotency-Key`, a path parameter). */
  addKey(key: string, message: string): this {
    if (Object.hasOwn(this.state, key)) {
      this.state[key]!.push(message)
    } else {
      // Defined, not assigned: a key such as `__proto__` (from a hostile query) must stay a key.
      Object.defineProperty(this.state, key, {
        value: [message],
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return this
  }

  /** Whether `key` already has this message. */
  has(key: string, message: string): boolean {
    return Object.hasOwn(this.state, key) && this.state[key]!.includes(message)
  }

  /** Adds every message of another ModelState (a nested check's, keyed as it keyed them). */
  merge(other: ModelState | undefined): this {
    for (const [key, messages] of Object.entries(other ?? {})) {
      for (const message of messages) {
        this.addKey(key, message)
      }
    }
    return this
  }

  /** How many fields have a problem. */
  get size(): number {
    return Object.keys(this.state).length
  }

  get empty(): boolean {
    return this.size === 0
  }

  /** Throws a ValidationError carrying every problem so far, if there is one. */
  throwIfAny(message?: string): void {
    if (!this.empty) {
      throw new ValidationError(this.state, message)
    }
  }
}
