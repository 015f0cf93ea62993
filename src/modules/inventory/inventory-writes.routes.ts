import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { WriteContext } from '../../db/context.ts'
import { errorResponses } from '../../wire/schemas.ts'
import { adjustPhysicalInventory } from './adjust-physical-inventory.ts'
import type { InventoryEvents } from './inventory.events.ts'
import {
  AdjustPhysicalInventoryRequest,
  SetPhysicalInventoryRequest,
} from './inventory.write.schemas.ts'
import { setPhysicalInventory } from './set-physical-inventory.ts'

const tags = ['Inventory']
const EmptyBody = Type.Unknown({ description: 'Empty body' })

export function registerInventoryWriteRoutes(
  app: FastifyInstance,
  deps: WriteContext<InventoryEvents>,
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.put(
    '/Inventory/AdjustPhysicalInventory',
    {
      schema: {
        tags,
        summary: 'Adjust physical inventory',
        body: AdjustPhysicalInventoryRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await adjustPhysicalInventory(deps, request.user, request.body)
      // Sellercloud's Swagger names no response body: 200 empty (ASP.NET Ok()).
      return reply.code(200).send(undefined)
    },
  )
  api.put(
    '/Inventory/SetPhysicalInventory',
    {
      schema: {
        tags,
        summary: 'Set physical inventory',
        body: SetPhysicalInventoryRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await setPhysicalInventory(deps, request.user, request.body)
      return reply.code(200).send(undefined)
    },
  )
}
