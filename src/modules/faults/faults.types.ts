/** What a faulted request gets instead of (or after) its handler's answer. */
export interface FaultResponseSpec {
  status: number
  /** undefined: an empty body. */
  body?: unknown
  headers: Record<string, string>
}

export type FaultPhase = 'Before' | 'After'
export type FaultDrop = 'Reset' | 'Hang'

/** A rule as stored, in domain terms. */
export interface FaultRuleSpec {
  method: string | null
  /** Normalized: lower case, under the API root, parameters as `{}`. */
  route: string | null
  pathPattern: string | null
  user: string | null
  body: unknown
  times: number | null
  skip: number
  probability: number | null
  phase: FaultPhase
  preset: string | null
  response: FaultResponseSpec | null
  delayMs: number | null
  drop: FaultDrop | null
}

export interface FaultRule extends FaultRuleSpec {
  id: number
  matches: number
  hits: number
  createdOn: string
}

/** What the matcher sees of a request. */
export interface FaultRequest {
  method: string
  /** Fastify's route template (`/rest/api/Orders/:id`). */
  routeUrl: string
  /** The path without the query string. */
  path: string
  username: string | null
  body: unknown
}
