import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { WriteContext } from '../../db/context.ts'
import { clampPage } from '../../shared/page.ts'
import { IdParams, IdResponse, errorResponses } from '../../wire/schemas.ts'
import { createShippingContainer } from './create-shipping-container.ts'
import { listShippingContainersForUser } from './list-shipping-containers.ts'
import { setShippingContainerItems } from './set-shipping-container-items.ts'
import type { ShippingContainerEvents } from './shipping-containers.events.ts'
import { toContainerDetails, toContainerListItem } from './shipping-containers.mappers.ts'
import {
  ContainerDetails,
  ContainerItemsRequest,
  ContainerList,
  ContainerListQuery,
  CreateContainerRequest,
  UpdateContainerRequest,
} from './shipping-containers.schemas.ts'
import { visibleContainer } from './shipping-containers.service.ts'
import { updateShippingContainer } from './update-shipping-container.ts'

const tags = ['ShippingContainers']
const EmptyBody = Type.Unknown({ description: 'Empty body' })
const gated = "Only while client setting 'Enable Shipping Containers For PO' is on."

export function registerShippingContainerRoutes(
  app: FastifyInstance,
  deps: WriteContext<ShippingContainerEvents>,
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.post(
    '/ShippingContainers',
    {
      schema: {
        tags,
        summary: 'Create shipping container',
        description: gated,
        body: CreateContainerRequest,
        response: { 200: IdResponse, ...errorResponses },
      },
    },
    async (request) => ({ Id: await createShippingContainer(deps, request.user, request.body) }),
  )
  api.get(
    '/ShippingContainers',
    {
      schema: {
        tags,
        summary: 'Get multiple shipping containers (newest first)',
        description: `${gated} Default order: newest first (container ID descending).`,
        querystring: ContainerListQuery,
        response: { 200: ContainerList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const page = await listShippingContainersForUser(
        deps.db,
        request.user,
        q,
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      return { Items: page.items.map(toContainerListItem), TotalResults: page.totalResults }
    },
  )
  api.get(
    '/ShippingContainers/:id',
    {
      schema: {
        tags,
        summary: 'Get shipping container by ID',
        description: gated,
        params: IdParams,
        response: { 200: ContainerDetails, ...errorResponses },
      },
    },
    async (request) =>
      toContainerDetails(await visibleContainer(deps.db, request.user, request.params.id)),
  )
  api.put(
    '/ShippingContainers/:id',
    {
      schema: {
        tags,
        summary: 'Update shipping container',
        description: `${gated} GeneralDetails fields set to null or omitted are unchanged.`,
        params: IdParams,
        body: UpdateContainerRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await updateShippingContainer(deps, request.user, request.params.id, request.body)
      return reply.code(200).send(undefined)
    },
  )
  api.post(
    '/ShippingContainers/:id/Items',
    {
      schema: {
        tags,
        summary: 'Add PO items to a shipping container (or change their units)',
        description: `${gated} Crossdock route: each item sets the units of one PO item in the container; 0 takes it out.`,
        params: IdParams,
        body: ContainerItemsRequest,
        response: { 200: EmptyBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await setShippingContainerItems(deps, request.user, request.params.id, request.body)
      return reply.code(200).send(undefined)
    },
  )
}
