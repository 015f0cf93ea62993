import { Type } from 'typebox'
import { Nullable } from './schemas.ts'

// The one address read DTO (Swagger 2022 `AddressDto`) of sales orders and purchase orders.
export const AddressDto = Type.Object({
  IsShippingAddress: Type.Boolean(),
  IsBillingAddress: Type.Boolean(),
  AddressClassification: Type.Integer(),
  Notes: Nullable(Type.String()),
  HomePhone: Nullable(Type.String()),
  EmailAddress: Nullable(Type.String()),
  AddressStatus: Type.Integer(),
  AddressSource: Type.Integer(),
  ID: Type.Integer(),
  FirstName: Nullable(Type.String()),
  MiddleInitial: Nullable(Type.String()),
  LastName: Nullable(Type.String()),
  CompanyName: Nullable(Type.String()),
  StreetLine1: Nullable(Type.String()),
  StreetLine2: Nullable(Type.String()),
  City: Nullable(Type.String()),
  StateName: Nullable(Type.String()),
  StateCode: Nullable(Type.String()),
  PostalCode: Nullable(Type.String()),
  CountryName: Nullable(Type.String()),
  CountryCode: Nullable(Type.String()),
  PhoneNumber: Nullable(Type.String()),
  FaxNumber: Nullable(Type.String()),
  WebSiteURL: Nullable(Type.String()),
})
