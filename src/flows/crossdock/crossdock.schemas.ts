import { Type, type Static } from 'typebox'
import { Opt } from '../../wire/schemas.ts'

export const LinkToPoParams = Type.Object({
  orderID: Type.Integer({ minimum: 1, maximum: 2147483647 }),
})

const Id = Type.Integer({ minimum: 0, maximum: 2147483647 })

export const LinkToPoBody = Type.Object(
  {
    NewPo: Opt(
      Type.Object(
        { CompanyID: Id, VendorID: Id },
        {
          description:
            'Create a new PO for this company and vendor. Required when not linking to an existing PO.',
        },
      ),
    ),
    ExistingPo: Opt(
      Type.Object(
        { PoID: Id },
        { description: 'Add to this existing PO. Required when not creating a new PO.' },
      ),
    ),
    Items: Opt(
      Type.Array(
        Type.Object({
          OrderItemID: Type.Integer({ minimum: 1, maximum: 2147483647 }),
          QtyForPo: Opt(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          BundleItems: Opt(
            Type.Array(
              Type.Object({
                ProductID: Type.String({
                  minLength: 1,
                  maxLength: 100,
                  description: 'A component SKU of the kit',
                }),
                QtyForPo: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
              }),
              { maxItems: 100 },
            ),
          ),
        }),
        {
          maxItems: 1000,
          description: 'Items to link; null or absent links every item with its unlinked quantity',
        },
      ),
    ),
  },
  {
    description:
      'Exactly one of NewPo and ExistingPo. A block whose IDs are all 0 (as in the documented template) counts as absent.',
  },
)
export type LinkToPoBodyType = Static<typeof LinkToPoBody>

export const LinkToPoResponse = Type.Integer({
  description: 'The ID of the PO the order was linked to',
})
