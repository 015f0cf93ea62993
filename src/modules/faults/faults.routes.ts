import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { WriteContext } from '../../db/context.ts'
import { IdParams } from '../../wire/schemas.ts'
import { toFaultRuleDto } from './faults.mappers.ts'
import {
  FaultRule,
  FaultRuleCreate,
  FaultRuleList,
  FaultsCleared,
  faultErrorResponses,
} from './faults.schemas.ts'
import { addFaultRule, clearFaultRules, faultRules, removeFaultRule } from './faults.service.ts'

// The sandbox's fault rules, under /admin. Admins only.

const config = { access: 'admin' as const }
const tags = ['Sandbox']
const errors = faultErrorResponses

export function registerFaultRoutes(
  app: FastifyInstance,
  ctx: Pick<WriteContext, 'db' | 'clock'>,
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  // The app's rule set (registerFaultMatching), told of each change so this instance acts at once.
  const ruleSet = () => app.faultInjection?.rules

  api.post(
    '/faults',
    {
      config,
      schema: {
        tags,
        description:
          'Adds a fault rule: which API requests it matches, how many it faults, and what they get.',
        body: FaultRuleCreate,
        response: { 200: FaultRule, ...errors },
      },
    },
    async (request) => toFaultRuleDto(await addFaultRule(ctx, ruleSet(), request.body)),
  )
  api.get(
    '/faults',
    {
      config,
      schema: {
        tags,
        description: 'Every fault rule with its match and hit counts, ordered by ID.',
        response: { 200: FaultRuleList, ...errors },
      },
    },
    async () => {
      const rules = (await faultRules(ctx)).map(toFaultRuleDto)
      return { Items: rules, TotalResults: rules.length }
    },
  )
  api.delete(
    '/faults',
    {
      config,
      schema: {
        tags,
        description: 'Deletes every fault rule.',
        response: { 200: FaultsCleared, ...errors },
      },
    },
    async () => ({ Deleted: await clearFaultRules(ctx, ruleSet()) }),
  )
  api.delete(
    '/faults/:id',
    {
      config,
      schema: {
        tags,
        description: 'Deletes one fault rule and answers it as it was.',
        params: IdParams,
        response: { 200: FaultRule, ...errors },
      },
    },
    async (request) => toFaultRuleDto(await removeFaultRule(ctx, ruleSet(), request.params.id)),
  )
}
