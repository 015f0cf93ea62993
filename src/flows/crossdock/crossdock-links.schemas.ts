import { Type } from 'typebox'

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 })

export const CrossdockLinksQuery = Type.Object({
  orderId: Type.Optional(Id),
  poId: Type.Optional(Id),
})

export const CrossdockLinkLine = Type.Object({
  LinkID: Type.Integer(),
  OrderID: Type.Integer(),
  OrderItemID: Type.Integer(),
  /** Order-item units the link covers (kit units for a kit; 0 for a kit linked by component). */
  OrderItemQty: Type.Integer(),
  PurchaseOrderID: Type.Integer(),
  PurchaseOrderItemID: Type.Integer(),
  ProductID: Type.String(),
  /** PO units this link added to the PO line. */
  Qty: Type.Integer(),
})

export const CrossdockLinkList = Type.Object({
  Items: Type.Array(CrossdockLinkLine),
  TotalResults: Type.Integer(),
})
