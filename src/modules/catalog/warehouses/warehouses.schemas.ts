import { Type } from 'typebox'
import {
  DateTimeOutput,
  IntList,
  ListOf,
  PageQuery,
  SellercloudEnum,
} from '../../../wire/schemas.ts'

export const WarehouseType = SellercloudEnum('WarehouseType', {
  Normal: 0,
  FBA: 1,
  Un_Tested: 2,
  Interim: 3,
  DropShip: 4,
  NewEgg: 5,
  Cdiscount: 6,
  WFS: 7,
})

/** Swagger's tri-state filter: 0 All, 1 Yes, 2 No. */
export const AllYesNo = SellercloudEnum('AllYesNo', { All: 0, Yes: 1, No: 2 })

export const WarehouseListQuery = Type.Object({
  warehouseIds: Type.Optional(IntList),
  warehouseType: Type.Optional(WarehouseType),
  name: Type.Optional(Type.String({ maxLength: 200 })),
  isDefault: Type.Optional(AllYesNo),
  isSellable: Type.Optional(AllYesNo),
  ...PageQuery(50),
})

/** Swagger `AddressAdvancedDtoWithSeparateAdrrLines`. */
export const WarehouseAddressDto = Type.Object({
  Address: Type.String(),
  FirstName: Type.String(),
  LastName: Type.String(),
  MiddleName: Type.String(),
  ZipCode: Type.String(),
  City: Type.String(),
  Country: Type.String(),
  ContactName: Type.String(),
  Business: Type.String(),
  Address2: Type.String(),
  Fax: Type.String(),
  IsModified: Type.Boolean(),
  Region: Type.String(),
  State: Type.String(),
  Phone: Type.String(),
})

/** Swagger `ManageWarehouseDto`. */
export const WarehouseListItem = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  IsDefault: Type.Boolean(),
  WarehouseType: Type.Integer(),
  IsSellAble: Type.Boolean(),
  QBWarehouseName: Type.String(),
  CreatedBy: Type.Integer(),
  CreatedOn: DateTimeOutput,
  CreatedByUsername: Type.String(),
  CreatedByFirstName: Type.String(),
  CreatedByLastName: Type.String(),
  EnforceBins: Type.Boolean(),
  WarehouseAddress: WarehouseAddressDto,
})

export const WarehouseList = ListOf(WarehouseListItem)

/** Swagger `WarehouseDto` (`General` is `WarehouseGeneralDto`). */
export const WarehouseDetails = Type.Object({
  General: Type.Object({
    Name: Type.String(),
    WarehouseType: Type.Integer(),
    ShowQuickBooksName: Type.Boolean(),
    QBWarehouseName: Type.String(),
    IsSellAble: Type.Boolean(),
    IsDefault: Type.Boolean(),
    AllowUseQtyForFBAShipments: Type.Boolean(),
    EnforceBins: Type.Boolean(),
    ShowEnforceBins: Type.Boolean(),
    DropShipCentralWarehouseCodeVisible: Type.Boolean(),
    DropShipCentralWarehouseCode: Type.String(),
    ExcludeFromInventoryReports: Type.Boolean(),
    IgnoreInventoryWhenCalculatingAverageCostVisible: Type.Boolean(),
    IgnoreInventoryWhenCalculatingAverageCost: Type.Boolean(),
    ManageBinsVisible: Type.Boolean(),
    IsModified: Type.Boolean(),
  }),
  WarehouseAddress: WarehouseAddressDto,
  IsModified: Type.Boolean(),
})
