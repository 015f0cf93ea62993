import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { IdParams, errorResponses } from '../../../wire/schemas.ts'
import type { ReadContext } from '../../../db/context.ts'
import { clampPage } from '../../../shared/page.ts'
import { WarehouseDetails, WarehouseList, WarehouseListQuery } from './warehouses.schemas.ts'
import {
  getWarehouse,
  searchWarehouses,
  warehouseAddressForWire,
  type Warehouse,
} from './warehouses.service.ts'

function addressDto(warehouse: Warehouse) {
  return { ...warehouseAddressForWire(warehouse.address), IsModified: false }
}

function toListItem(w: Warehouse) {
  return {
    ID: w.id,
    Name: w.name,
    IsDefault: w.isDefault,
    WarehouseType: w.warehouseType,
    IsSellAble: w.isSellable,
    QBWarehouseName: '',
    CreatedBy: 0,
    CreatedOn: w.createdOn,
    CreatedByUsername: '',
    CreatedByFirstName: '',
    CreatedByLastName: '',
    EnforceBins: w.enforceBins,
    WarehouseAddress: addressDto(w),
  }
}

function toDetails(w: Warehouse) {
  return {
    General: {
      Name: w.name,
      WarehouseType: w.warehouseType,
      ShowQuickBooksName: false,
      QBWarehouseName: '',
      IsSellAble: w.isSellable,
      IsDefault: w.isDefault,
      AllowUseQtyForFBAShipments: false,
      EnforceBins: w.enforceBins,
      ShowEnforceBins: true,
      DropShipCentralWarehouseCodeVisible: false,
      DropShipCentralWarehouseCode: '',
      ExcludeFromInventoryReports: false,
      IgnoreInventoryWhenCalculatingAverageCostVisible: false,
      IgnoreInventoryWhenCalculatingAverageCost: false,
      ManageBinsVisible: false,
      IsModified: false,
    },
    WarehouseAddress: addressDto(w),
    IsModified: false,
  }
}

/** 0 All → no filter, 1 Yes → true, 2 No → false. */
function triState(value: number | undefined): boolean | undefined {
  return value === 1 ? true : value === 2 ? false : undefined
}

export function registerWarehouseRoutes(app: FastifyInstance, deps: ReadContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  api.get(
    '/Warehouses',
    {
      schema: {
        tags: ['Warehouses'],
        summary: 'List warehouses',
        description: 'Ordered by ID (ascending); the Swagger documents no sort parameter.',
        querystring: WarehouseListQuery,
        response: { 200: WarehouseList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query
      const page = await searchWarehouses(
        deps.db,
        {
          ids: q.warehouseIds,
          warehouseType: q.warehouseType,
          name: q.name,
          isDefault: triState(q.isDefault),
          isSellable: triState(q.isSellable),
        },
        clampPage(q.pageNumber, q.pageSize, 50),
      )
      return { Items: page.items.map(toListItem), TotalResults: page.totalResults }
    },
  )
  api.get(
    '/Warehouses/:id',
    {
      schema: {
        tags: ['Warehouses'],
        summary: 'Get one warehouse',
        params: IdParams,
        response: { 200: WarehouseDetails, ...errorResponses },
      },
    },
    async (request) => toDetails(await getWarehouse(deps.db, request.params.id)),
  )
}
