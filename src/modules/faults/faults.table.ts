import type { Generated, Insertable, Selectable } from 'kysely'

/**
 * One fault rule of the sandbox (POST /admin/faults). The match fields are null when unused;
 * `matches` counts the requests that matched (after the probability roll), `hits` those that were
 * faulted (`matches` past `skip`, at most `times`). Both move in one conditional UPDATE.
 */
export interface FaultRuleTable {
  id: Generated<number>
  /** Upper case. */
  method: string | null
  /** Lower case, under the API root, parameters written `{}`: `/orders/{}`. */
  route: string | null
  /** A glob under the API root, as given. */
  path_pattern: string | null
  user_name: string | null
  body_json: string | null
  /** Null: every match past `skip` is faulted. */
  times: number | null
  skip: number
  probability: number | null
  phase: 'Before' | 'After'
  preset: string | null
  /** `{ Status, Body?, Headers? }` */
  response_json: string | null
  delay_ms: number | null
  drop_mode: 'Reset' | 'Hang' | null
  matches: Generated<number>
  hits: Generated<number>
  created_on: string
}
export type FaultRuleRow = Selectable<FaultRuleTable>
export type NewFaultRuleRow = Insertable<FaultRuleTable>
