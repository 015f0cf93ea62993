import type { Static } from 'typebox'
import { isSpent } from './faults.rules.ts'
import type { FaultRule as FaultRuleDto } from './faults.schemas.ts'
import type { FaultRule } from './faults.types.ts'

export function toFaultRuleDto(rule: FaultRule): Static<typeof FaultRuleDto> {
  return {
    Id: rule.id,
    Method: rule.method,
    Route: rule.route,
    PathPattern: rule.pathPattern,
    User: rule.user,
    Body: rule.body,
    Times: rule.times,
    Skip: rule.skip,
    Probability: rule.probability,
    When: rule.phase,
    Preset: rule.preset,
    Response:
      rule.response === null
        ? null
        : {
            Status: rule.response.status,
            ...(rule.response.body !== undefined && { Body: rule.response.body }),
            Headers: rule.response.headers,
          },
    DelayMs: rule.delayMs,
    Drop: rule.drop,
    Matches: rule.matches,
    Hits: rule.hits,
    Spent: isSpent(rule),
    CreatedOn: rule.createdOn,
  }
}
