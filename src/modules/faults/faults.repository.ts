import type { Database } from '../../db/database.ts'
import type { FaultRuleRow, NewFaultRuleRow } from './faults.table.ts'
import type { FaultResponseSpec, FaultRule, FaultRuleSpec } from './faults.types.ts'

// Every query of `fault_rule`.

function toRule(row: FaultRuleRow): FaultRule {
  return {
    id: Number(row.id),
    method: row.method,
    route: row.route,
    pathPattern: row.path_pattern,
    user: row.user_name,
    body: row.body_json === null ? null : (JSON.parse(row.body_json) as unknown),
    times: row.times === null ? null : Number(row.times),
    skip: Number(row.skip),
    probability: row.probability === null ? null : Number(row.probability),
    phase: row.phase,
    preset: row.preset,
    response:
      row.response_json === null ? null : (JSON.parse(row.response_json) as FaultResponseSpec),
    delayMs: row.delay_ms === null ? null : Number(row.delay_ms),
    drop: row.drop_mode,
    matches: Number(row.matches),
    hits: Number(row.hits),
    createdOn: row.created_on,
  }
}

export async function insertFaultRule(
  db: Database,
  spec: FaultRuleSpec,
  createdOn: string,
): Promise<FaultRule> {
  const row: NewFaultRuleRow = {
    method: spec.method,
    route: spec.route,
    path_pattern: spec.pathPattern,
    user_name: spec.user,
    body_json: spec.body === null ? null : JSON.stringify(spec.body),
    times: spec.times,
    skip: spec.skip,
    probability: spec.probability,
    phase: spec.phase,
    preset: spec.preset,
    response_json: spec.response === null ? null : JSON.stringify(spec.response),
    delay_ms: spec.delayMs,
    drop_mode: spec.drop,
    created_on: createdOn,
  }
  const inserted = await db
    .insertInto('fault_rule')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toRule(inserted)
}

export async function listFaultRules(db: Database): Promise<FaultRule[]> {
  const rows = await db.selectFrom('fault_rule').selectAll().orderBy('id').execute()
  return rows.map(toRule)
}

/**
 * Counts one match of rule `id`, unless it is spent: one conditional UPDATE, so instances sharing
 * the database never fault more than `Times` requests between them. Answers the match count after
 * this one, or null when the rule is spent or gone.
 */
export async function countFaultMatch(db: Database, id: number): Promise<number | null> {
  const row = await db
    .updateTable('fault_rule')
    .set((eb) => ({
      matches: eb('matches', '+', 1),
      hits: eb('hits', '+', eb.case().when('matches', '>=', eb.ref('skip')).then(1).else(0).end()),
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('times', 'is', null),
        eb('matches', '<', eb(eb.ref('skip'), '+', eb.ref('times'))),
      ]),
    )
    .returning('matches')
    .executeTakeFirst()
  return row === undefined ? null : Number(row.matches)
}

export async function deleteFaultRule(db: Database, id: number): Promise<FaultRule | undefined> {
  const row = await db
    .deleteFrom('fault_rule')
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row === undefined ? undefined : toRule(row)
}

export async function deleteAllFaultRules(db: Database): Promise<number> {
  const result = await db.deleteFrom('fault_rule').executeTakeFirst()
  return Number(result.numDeletedRows)
}
