import { ModelStateBuilder } from '../../shared/model-state.ts'
import { FAULT_METHODS, FAULT_PRESETS } from './faults.schemas.ts'
import type {
  FaultDrop,
  FaultPhase,
  FaultRequest,
  FaultResponseSpec,
  FaultRule,
  FaultRuleSpec,
} from './faults.types.ts'

// Pure rules of fault injection: checking a new rule, and whether a request matches one.

const API_PREFIX = /^\/(rest\/)?api(?=\/|$)/i

/** The part of a path under the API root: `/rest/api/Orders/1` and `/api/Orders/1` → `/Orders/1`. */
export function underApiRoot(path: string): string {
  const rest = path.replace(API_PREFIX, '')
  return rest === '' ? '/' : rest
}

/** A route template compared without case, prefix or parameter names: `/orders/{}`. */
export function normalizeRoute(template: string): string {
  return underApiRoot(template)
    .toLowerCase()
    .replace(/\{[^}/]*\}|:[^/]+/g, '{}')
    .replace(/\/+$/, '')
}

/**
 * A glob on the path under the API root, without case: `*` is any text within one segment, `**`
 * any text, `?` one character. Globs rather than regular expressions: no pattern can backtrack
 * for long, and a path is what people type.
 */
export function globToRegExp(glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i]!
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*'
      i += 1
    } else if (c === '*') {
      source += '[^/]*'
    } else if (c === '?') {
      source += '[^/]'
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    }
  }
  return new RegExp(`^${source}/?$`, 'i')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Whether `actual` contains `pattern`: an object's properties (names without case) each contain
 * the pattern's, an array holds an element containing each of the pattern's elements, and other
 * values are equal.
 */
export function containsJson(actual: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern)) {
    return Array.isArray(actual) && pattern.every((p) => actual.some((a) => containsJson(a, p)))
  }
  if (isObject(pattern)) {
    if (!isObject(actual)) {
      return false
    }
    const keys = new Map(Object.keys(actual).map((k) => [k.toLowerCase(), k]))
    return Object.entries(pattern).every(([key, value]) => {
      const found = keys.get(key.toLowerCase())
      return found !== undefined && containsJson(actual[found], value)
    })
  }
  return Object.is(actual, pattern) || actual === pattern
}

/** Whether the request satisfies every match field of the rule (the counters aside). */
export function matchesRequest(
  rule: FaultRuleSpec,
  request: FaultRequest,
  pathRegExp = rule.pathPattern === null ? null : globToRegExp(underApiRoot(rule.pathPattern)),
): boolean {
  if (rule.method !== null && rule.method !== request.method.toUpperCase()) {
    return false
  }
  if (rule.route !== null && rule.route !== normalizeRoute(request.routeUrl)) {
    return false
  }
  if (pathRegExp !== null && !pathRegExp.test(underApiRoot(request.path))) {
    return false
  }
  if (
    rule.user !== null &&
    (request.username === null || rule.user.toLowerCase() !== request.username.toLowerCase())
  ) {
    return false
  }
  if (rule.body !== null && rule.body !== undefined && !containsJson(request.body, rule.body)) {
    return false
  }
  return true
}

/** The probability roll, before anything is counted: a request that loses it is not a match. */
export function winsRoll(rule: Pick<FaultRuleSpec, 'probability'>, random: () => number): boolean {
  return rule.probability === null || rule.probability >= 1 || random() < rule.probability
}

/** Whether the request that brought `matches` to its value is faulted (past Skip, within Times). */
export function firesAt(rule: Pick<FaultRuleSpec, 'skip' | 'times'>, matches: number): boolean {
  return matches > rule.skip && (rule.times === null || matches <= rule.skip + rule.times)
}

export function isSpent(rule: Pick<FaultRule, 'skip' | 'times' | 'matches'>): boolean {
  return rule.times !== null && rule.matches >= rule.skip + rule.times
}

export interface FaultRuleInput {
  Method?: string | null
  Route?: string | null
  PathPattern?: string | null
  User?: string | null
  Body?: unknown
  Times?: number | null
  Skip?: number
  Probability?: number | null
  When?: string
  Preset?: string | null
  Response?: { Status: number; Body?: unknown; Headers?: Record<string, string> } | null
  DelayMs?: number | null
  Drop?: string | null
}

// Headers a fault may not set: they would break the framing of the response.
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection'])
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

function pick<T extends string>(value: string, choices: readonly T[]): T | undefined {
  return choices.find((c) => c.toLowerCase() === value.toLowerCase())
}

function blank(value: string | null | undefined): value is null | undefined {
  return value === null || value === undefined || value.trim() === ''
}

/** Checks a POST /admin/faults body; throws one 400 naming every bad field. */
export function parseFaultRule(input: FaultRuleInput): FaultRuleSpec {
  const problems = new ModelStateBuilder()
  let method: string | null = null
  if (!blank(input.Method)) {
    method = pick(input.Method, FAULT_METHODS) ?? null
    if (method === null) {
      problems.add('Method', `Method must be one of ${FAULT_METHODS.join(', ')}.`)
    }
  }
  let route: string | null = null
  if (!blank(input.Route)) {
    if (!input.Route.startsWith('/')) {
      problems.add('Route', 'Route must start with "/", as "/Orders/{id}".')
    } else {
      route = normalizeRoute(input.Route)
    }
  }
  let pathPattern: string | null = null
  if (!blank(input.PathPattern)) {
    if (!input.PathPattern.startsWith('/') && !input.PathPattern.startsWith('*')) {
      problems.add('PathPattern', 'PathPattern must start with "/" or "*", as "/Orders/*".')
    } else {
      pathPattern = input.PathPattern
    }
  }
  const phase = pick<FaultPhase>(input.When ?? 'Before', ['Before', 'After'])
  if (phase === undefined) {
    problems.add('When', 'When must be Before or After.')
  }
  let preset: string | null = null
  if (!blank(input.Preset)) {
    preset = pick(input.Preset, FAULT_PRESETS) ?? null
    if (preset === null) {
      problems.add('Preset', `Preset must be one of ${FAULT_PRESETS.join(', ')}.`)
    }
  }
  let drop: FaultDrop | null = null
  if (!blank(input.Drop)) {
    drop = pick<FaultDrop>(input.Drop, ['Reset', 'Hang']) ?? null
    if (drop === null) {
      problems.add('Drop', 'Drop must be Reset or Hang.')
    }
  }
  let response: FaultResponseSpec | null = null
  if (input.Response !== null && input.Response !== undefined) {
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(input.Response.Headers ?? {})) {
      if (!HEADER_NAME.test(name) || FRAMING_HEADERS.has(name.toLowerCase())) {
        problems.add(`Response.Headers.${name}`, 'Not a header a fault may set.')
      } else if (!HEADER_VALUE.test(value)) {
        problems.add(`Response.Headers.${name}`, 'A header value may not hold control characters.')
      } else {
        headers[name.toLowerCase()] = value
      }
    }
    response = { status: input.Response.Status, headers }
    if (input.Response.Body !== undefined) {
      response.body = input.Response.Body
    }
  }
  const outcomes = [preset !== null, response !== null, drop !== null].filter(Boolean).length
  if (outcomes > 1) {
    problems.add('Preset', 'Give one of Preset, Response and Drop (DelayMs may go with any).')
  } else if (outcomes === 0 && (input.DelayMs ?? null) === null && problems.empty) {
    problems.add('Preset', 'Say what happens: Preset, Response, Drop or DelayMs.')
  }
  problems.throwIfAny()
  return {
    method,
    route,
    pathPattern,
    user: blank(input.User) ? null : input.User.trim(),
    body: input.Body ?? null,
    times: input.Times === undefined ? 1 : input.Times,
    skip: input.Skip ?? 0,
    probability: input.Probability ?? null,
    phase: phase!,
    preset,
    response,
    delayMs: input.DelayMs ?? null,
    drop,
  }
}
