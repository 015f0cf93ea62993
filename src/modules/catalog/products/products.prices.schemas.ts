import { Type, type Static } from 'typebox'
import { CHANNEL } from '../../../wire/enums.ts'
import { Money, Opt, SellercloudEnum } from '../../../wire/schemas.ts'

// Catalog prices and basic info (Swagger 2022: ProductPricesDto, ChannelPriceDto,
// UpdateProductPricesRequest, UpdateBasicInfoRequest). Writes answer 200 with an empty body.

const ProductId = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'The product (SKU), any case',
})

export const ChannelEnum = SellercloudEnum('Channel', CHANNEL)

/** Swagger `ChannelPriceDto` (output). */
export const ChannelPriceDto = Type.Object({
  ChannelID: Type.Integer({ description: 'Channel (OrderSource enum)' }),
  Price: Type.Number(),
  UseDefaultSitePrice: Type.Boolean(),
})

/** Swagger `ProductPricesDto` (GET /Catalog/Prices): the site price and the channels priced apart. */
export const ProductPricesDto = Type.Object({
  SitePrice: Type.Number(),
  ChannelsPrices: Type.Array(ChannelPriceDto, {
    description:
      'The channels with a price of their own, by ChannelID; any other sells at SitePrice',
  }),
})

/** `ChannelPriceDto` as a write takes it. */
export const ChannelPriceInput = Type.Object({
  ChannelID: ChannelEnum,
  Price: Opt(Money({ minimum: 0 })),
  UseDefaultSitePrice: Opt(
    Type.Boolean({ description: 'true: the channel sells at the site price (its own price goes)' }),
  ),
})

const ChannelsPricesInput = Opt(
  Type.Array(ChannelPriceInput, {
    maxItems: 100,
    description: 'Channels listed change; channels not listed keep their price',
  }),
)

/** Swagger `ProductPricesDto` as the body of PUT /Catalog/{id}/Prices. */
export const ProductPricesInput = Type.Object({
  SitePrice: Opt(Money({ minimum: 0 })),
  ChannelsPrices: ChannelsPricesInput,
})
export type ProductPricesInputBody = Static<typeof ProductPricesInput>

/** Swagger `UpdateProductPricesRequest` (PUT /Catalog/Prices). */
export const UpdateProductPricesRequest = Type.Object({
  ProductID: ProductId,
  SitePrice: Opt(Money({ minimum: 0 })),
  ChannelsPrices: ChannelsPricesInput,
})
export type UpdateProductPricesBody = Static<typeof UpdateProductPricesRequest>

const Text = (maxLength: number) => Opt(Type.String({ maxLength }))

/**
 * Swagger `UpdateBasicInfoRequest` (PUT /Catalog/BasicInfo); omitted or null fields keep their value.
 * `MasterSKU`, `FNSKU` and `EAN` are left out on purpose: no catalog DTO shows them, so they are
 * ignored as unknown properties and named in `X-Crossdock-Ignored-Properties` (docs/compat.md).
 */
export const UpdateBasicInfoRequest = Type.Object({
  ProductID: ProductId,
  ShortDescription: Text(4_000),
  LongDescription: Text(100_000),
  ListPrice: Opt(Money({ minimum: 0 })),
  SitePrice: Opt(Money({ minimum: 0 })),
  SiteCost: Opt(Money({ minimum: 0 })),
  ProductName: Opt(Type.String({ minLength: 1, maxLength: 500 })),
  IsActive: Opt(Type.Boolean()),
  ManufacturerSKU: Text(100),
  UPC: Text(50),
  ASIN: Text(50),
  GTIN: Text(50),
})
export type UpdateBasicInfoBody = Static<typeof UpdateBasicInfoRequest>

/** GET /Catalog/Prices query. */
export const ProductPricesQuery = Type.Object({ productID: ProductId })

/** `{id}` of /Catalog/{id}/Prices: the SKU. */
export const ProductIdParams = Type.Object({ id: ProductId })

export const EmptyBody = Type.Unknown({ description: 'Empty body' })
