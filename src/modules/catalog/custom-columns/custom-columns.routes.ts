import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { ReadContext, WriteContext } from '../../../db/context.ts'
import type { AuthUser } from '../../../shared/auth-user.ts'
import { errorResponses } from '../../../wire/schemas.ts'
import { toProductCustomColumnDto } from './custom-columns.mappers.ts'
import {
  ProductCustomColumnList,
  ProductCustomColumnsQuery,
  ProductIdParams,
  UpdateCustomColumn,
  UpdateCustomColumnList,
  UpdateCustomColumnsRequest,
} from './custom-columns.schemas.ts'
import { productCustomColumns } from './custom-columns.service.ts'
import { updateProductCustomColumns, visibleProductSku } from './update-custom-columns.ts'

// Sellercloud's product custom column routes: GET|PUT /Products/CustomColumns and the obsolete
// `/Products/{id}/…` forms, over the same store.

const tags = ['Products']
const EmptyBody = Type.Unknown({ description: 'Empty body' })

async function columnsOf(ctx: ReadContext, user: AuthUser, sku: string) {
  const stored = await visibleProductSku(ctx.db, user, sku, null)
  return ((await productCustomColumns(ctx.db, [stored])).get(stored) ?? []).map(
    toProductCustomColumnDto,
  )
}

const changesOf = (list: Array<{ ColumnName: string; Value?: unknown }>) =>
  list.map((c) => ({ columnName: c.ColumnName, value: c.Value }))

export function registerCustomColumnRoutes(app: FastifyInstance, deps: WriteContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const getDescription =
    "Every product custom column, ordered by column ID, with the product's value (null where it has none). 404 for an unknown product."
  api.get(
    '/Products/CustomColumns',
    {
      schema: {
        tags,
        summary: 'Get custom columns for a product',
        description: getDescription,
        querystring: ProductCustomColumnsQuery,
        response: { 200: ProductCustomColumnList, ...errorResponses },
      },
    },
    async (request) => columnsOf(deps, request.user, request.query.productID),
  )
  api.put(
    '/Products/CustomColumns',
    {
      schema: {
        tags,
        summary: 'Update multiple custom columns',
        description:
          'Sets each named column (ignoring case); null or "" clears a value. Each value must fit its column\'s DataType; a bad one is a 400 naming it and nothing is written. An unknown ProductID is a 400 naming it.',
        body: UpdateCustomColumnsRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body
      await updateProductCustomColumns(
        deps,
        request.user,
        b.ProductID,
        changesOf(b.CustomColumns ?? []),
        { product: 'ProductID', change: (i, key) => `CustomColumns[${i}].${key}` },
      )
      return reply.code(200).send(undefined)
    },
  )
  api.get(
    '/Products/:id/CustomColumns',
    {
      schema: {
        tags,
        summary: 'Get custom columns for a product [obsolete]',
        description: getDescription,
        params: ProductIdParams,
        response: { 200: ProductCustomColumnList, ...errorResponses },
      },
    },
    async (request) => columnsOf(deps, request.user, request.params.id),
  )
  api.put(
    '/Products/:id/CustomColumns',
    {
      schema: {
        tags,
        summary: 'Update a single custom column [obsolete]',
        description: 'As PUT /Products/CustomColumns for one column; 404 for an unknown product.',
        params: ProductIdParams,
        body: UpdateCustomColumn,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updateProductCustomColumns(
        deps,
        request.user,
        request.params.id,
        changesOf([request.body]),
        { product: null, change: (_i, key) => key },
      )
      return reply.code(200).send(undefined)
    },
  )
  api.put(
    '/Products/:id/CustomColumnsMultiple',
    {
      schema: {
        tags,
        summary: 'Update multiple custom columns [obsolete]',
        description: 'As PUT /Products/CustomColumns; 404 for an unknown product.',
        params: ProductIdParams,
        body: UpdateCustomColumnList,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updateProductCustomColumns(
        deps,
        request.user,
        request.params.id,
        changesOf(request.body),
        { product: null, change: (i, key) => `[${i}].${key}` },
      )
      return reply.code(200).send(undefined)
    },
  )
}
