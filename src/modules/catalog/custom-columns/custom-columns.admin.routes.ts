import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { WriteContext } from '../../../db/context.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { IdParams } from '../../../wire/schemas.ts'
import { CUSTOM_COLUMN_ENTITY_TYPES, type CustomColumnEntityType } from './custom-columns.enums.ts'
import { toAdminCustomColumn } from './custom-columns.mappers.ts'
import {
  AdminCustomColumn,
  AdminCustomColumnList,
  AdminCustomColumnQuery,
  CustomColumnCreate,
  customColumnAdminErrors as errors,
} from './custom-columns.schemas.ts'
import {
  createCustomColumn,
  deleteCustomColumn,
  listCustomColumnDefinitions,
} from './custom-columns.service.ts'

// Custom column definitions, under /admin (Crossdock's own API). Admins only.

const config = { access: 'admin' as const }
const tags = ['Admin']

/** An entity type as sent (ignoring case), or a 400 naming `field`. */
export function entityTypeOf(value: string, field: string): CustomColumnEntityType {
  const found = CUSTOM_COLUMN_ENTITY_TYPES.find((t) => t.toLowerCase() === value.toLowerCase())
  if (found === undefined) {
    throw ValidationError.field(
      field,
      `Custom columns exist for ${CUSTOM_COLUMN_ENTITY_TYPES.join(', ')} only; got ${value}.`,
    )
  }
  return found
}

export function registerCustomColumnAdminRoutes(
  admin: FastifyInstance,
  ctx: Pick<WriteContext, 'db' | 'clock'>,
): void {
  const api = admin.withTypeProvider<TypeBoxTypeProvider>()
  api.post(
    '/custom-columns',
    {
      config,
      schema: {
        tags,
        description:
          'Defines a custom column of an entity type (Product). Names are unique per entity type, ignoring case (409).',
        body: CustomColumnCreate,
        response: { 200: AdminCustomColumn, ...errors },
      },
    },
    async (request) => {
      const b = request.body
      return toAdminCustomColumn(
        await createCustomColumn(ctx, {
          entityType: entityTypeOf(b.EntityType, 'EntityType'),
          name: b.Name,
          displayName: b.DisplayName,
          dataType: b.Type,
          dataLength: b.DataLength,
        }),
      )
    },
  )
  api.get(
    '/custom-columns',
    {
      config,
      schema: {
        tags,
        description: 'Every custom column definition, ordered by entity type, then ID.',
        querystring: AdminCustomColumnQuery,
        response: { 200: AdminCustomColumnList, ...errors },
      },
    },
    async (request) => {
      const { entityType } = request.query
      const items = (
        await listCustomColumnDefinitions(
          ctx.db,
          entityType === undefined ? undefined : entityTypeOf(entityType, 'entityType'),
        )
      ).map(toAdminCustomColumn)
      return { Items: items, TotalResults: items.length }
    },
  )
  api.delete(
    '/custom-columns/:id',
    {
      config,
      schema: {
        tags,
        description:
          'Deletes a definition and every value of it (those products are modified now); answers it as it was.',
        params: IdParams,
        response: { 200: AdminCustomColumn, ...errors },
      },
    },
    async (request) => toAdminCustomColumn(await deleteCustomColumn(ctx, request.params.id)),
  )
}
