/**
 * Sellercloud client settings Crossdock honours, with their defaults. Server-wide values and
 * per-company overrides are stored in `client_setting`; a company value wins over the server's.
 */
export const CLIENT_SETTING_DEFAULTS = {
  /** Create PO: ExpectedDeliveryDate may (and must) be sent only when on. */
  ForceExpectedDeliveryDate: false,
  /** Create PO: per-line DiscountType/DiscountValue are refused when on. */
  EnableMultiDiscountForPurchaseOrder: false,
  /** Create PO: BillingAddress is refused when off. */
  EnableBillToAddressForPurchaseOrders: true,
  /** Single-tracking PUT works only when off. */
  EnableMultipleTrackingNumbersOnPO: false,
  /** LinkToPo works only when on. */
  EnableLinkingOrderToPO: true,
  /** LinkToPo: kit parent line on the PO when on, component lines when off. */
  EnableOrderLinkToPOAtKitLevel: false,
  /** Create order: a second order with the same company, channel and OrderSourceOrderID is refused. */
  PreventDuplicateOrderSourceOrderID: true,
  /** Inventory: a movement that would leave a product's physical stock in a warehouse below zero is refused when on. */
  PreventNegativeInventory: false,
  /** Shipping: an unpaid order ships only when on and the order allows it (AllowShippingEvenNotPaid). */
  AllowShippingUnpaidOrders: false,
  /** PUT /PurchaseOrders/{id}/Invoice works only when off; PO list: `paymentStatus` filters when off, `vendorInvoiced` when on. */
  EnableVendorInvoicesWorkflow: false,
  /** PUT /PurchaseOrders/{id}/Invoice works only when off. */
  EnableMultipleInvoicesForPurchaseOrders: false,
  EnableCaseQty: true,
  FixedTotalDiscount: false,
  /** "Enable Shipping Containers For PO": the /ShippingContainers routes work only when on. */
  EnableShippingContainers: false,
  EnableNotesForPurchaseItems: true,
  EnableLocalNotesForPurchaseItems: false,
  EnableCurrencySymbolForPO: false,
  ShowASINAndUPCInPoItems: true,
  ShowQtyOnHandInPoItems: true,
  EnableExpectedDeliveryForPurchaseItems: false,
  BreakupKitComponentsWhenAddingKitParentToPO: false,
  AllowToIgnoreInventoryInPurchaseOrder: false,
  EnablePOFBAAllocationQty: false,
  EnableFreeShippingForPurchaseOrders: false,
  EnableOrderDropShipFee: false,
  PurchaseOrdersEnableCustomsTotalField: false,
  EnableCreditCardFeeOnPurchaseOrders: false,
  ShowProductImageForItems: false,
  EnablePoPreSellQuantity: false,
  /** Decimal places PO amounts are shown with (Metadata.PurchaseOrderCurrencyDigitsCount). */
  PurchaseOrderCurrencyDigitsCount: 2,
}

export type ClientSettings = typeof CLIENT_SETTING_DEFAULTS
export type ClientSettingName = keyof ClientSettings

export function isClientSettingName(name: string): name is ClientSettingName {
  return Object.hasOwn(CLIENT_SETTING_DEFAULTS, name)
}

/** The canonical name for a setting given in any case, or undefined. */
export function canonicalSettingName(name: string): ClientSettingName | undefined {
  const lower = name.toLowerCase()
  return (Object.keys(CLIENT_SETTING_DEFAULTS) as ClientSettingName[]).find(
    (n) => n.toLowerCase() === lower,
  )
}
