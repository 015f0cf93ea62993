import type { Database } from '../../db/database.ts'
import type { WriteContext } from '../../db/context.ts'
import { isoNow } from '../../shared/clock.ts'
import { NotFoundError } from '../../shared/errors.ts'
import {
  countFaultMatch,
  deleteAllFaultRules,
  deleteFaultRule,
  insertFaultRule,
  listFaultRules,
} from './faults.repository.ts'
import {
  firesAt,
  globToRegExp,
  matchesRequest,
  parseFaultRule,
  underApiRoot,
  winsRoll,
  type FaultRuleInput,
} from './faults.rules.ts'
import type { FaultRequest, FaultRule } from './faults.types.ts'

/** How long an instance trusts its copy of the rule set: a rule added elsewhere acts within it. */
export const FAULT_RULES_REFRESH_MS = 250

interface CachedRule {
  rule: FaultRule
  path: RegExp | null
}

/**
 * The rule set one app matches against. With no rules, a request costs no query: the set is read
 * again at most every `refreshMs` (real time, not the sandbox clock), by the first request after that.
 * The instance that changes the rules re-reads them at once.
 */
export class FaultRuleSet {
  readonly #db: Database
  readonly #refreshMs: number
  readonly #random: () => number
  #rules: CachedRule[] = []
  #readAt = -Infinity
  #reading: Promise<CachedRule[]> | undefined
  #generation = 0

  constructor(db: Database, options: { refreshMs?: number; random?: () => number } = {}) {
    this.#db = db
    this.#refreshMs = options.refreshMs ?? FAULT_RULES_REFRESH_MS
    this.#random = options.random ?? Math.random
  }

  /** Forget the copy: the next request reads the rules again. */
  invalidate(): void {
    this.#readAt = -Infinity
    this.#reading = undefined
    this.#generation += 1
  }

  async #current(): Promise<CachedRule[]> {
    if (performance.now() - this.#readAt < this.#refreshMs) {
      return this.#rules
    }
    if (this.#reading === undefined) {
      const generation = this.#generation
      const reading = listFaultRules(this.#db).then((rules) => {
        // A read that began before a change of the rules is not kept (nor trusted for a while).
        const fresh = rules.map((rule) => ({
          rule,
          path: rule.pathPattern === null ? null : globToRegExp(underApiRoot(rule.pathPattern)),
        }))
        if (generation === this.#generation) {
          this.#rules = fresh
          this.#readAt = performance.now()
          this.#reading = undefined
        }
        return fresh
      })
      reading.catch(() => {
        if (this.#reading === reading) {
          this.#reading = undefined
        }
      })
      this.#reading = reading
    }
    return this.#reading
  }

  /**
   * The rule that faults this request, if any: the first, in ID order, that matches, wins its
   * probability roll and is past its Skip and within its Times once its match is counted.
   */
  async claim(request: FaultRequest): Promise<FaultRule | null> {
    const rules = await this.#current()
    for (const entry of rules) {
      if (!matchesRequest(entry.rule, request, entry.path) || !winsRoll(entry.rule, this.#random)) {
        continue
      }
      const matches = await countFaultMatch(this.#db, entry.rule.id)
      if (matches === null) {
        // Spent (here or on another instance) or deleted: stop looking at it until the next read.
        this.#rules = this.#rules.filter((r) => r.rule.id !== entry.rule.id)
        continue
      }
      if (firesAt(entry.rule, matches)) {
        return entry.rule
      }
    }
    return null
  }
}

export async function addFaultRule(
  ctx: Pick<WriteContext, 'db' | 'clock'>,
  rules: FaultRuleSet | undefined,
  input: FaultRuleInput,
): Promise<FaultRule> {
  const spec = parseFaultRule(input)
  const created = await insertFaultRule(ctx.db, spec, isoNow(ctx.clock))
  rules?.invalidate()
  return created
}

export function faultRules(ctx: { db: Database }): Promise<FaultRule[]> {
  return listFaultRules(ctx.db)
}

export async function removeFaultRule(
  ctx: { db: Database },
  rules: FaultRuleSet | undefined,
  id: number,
): Promise<FaultRule> {
  const removed = await deleteFaultRule(ctx.db, id)
  rules?.invalidate()
  if (removed === undefined) {
    throw new NotFoundError('NOT_FOUND', `Fault rule ${id} was not found.`)
  }
  return removed
}

export async function clearFaultRules(
  ctx: { db: Database },
  rules: FaultRuleSet | undefined,
): Promise<number> {
  const deleted = await deleteAllFaultRules(ctx.db)
  rules?.invalidate()
  return deleted
}
