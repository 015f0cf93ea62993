import type { Static } from 'typebox'
import { fromMinor } from '../../shared/money.ts'
import type { Warehouse } from '../catalog/warehouses/index.ts'
import { AddressDto } from '../../wire/address.schemas.ts'
import { neutralOf } from '../../wire/neutral.ts'
import type { PoView } from './get-purchase-order.ts'
import type { PoListEntry } from './list-purchase-orders.ts'
import { PoDetails, PoDetailsItem } from './purchase-orders.details.schemas.ts'
import { PoReceivingStatus, PoShippingStatus, PoType } from './purchase-orders.enums.ts'
import { carrierLabel } from './purchase-order-tracking-numbers.rules.ts'
import { lineAmounts, lineReceivingStatus, poTotals } from './purchase-orders.rules.ts'
import { PoListItem, PoListItemLine } from './purchase-orders.schemas.ts'
import type { PurchaseOrder } from './purchase-orders.types.ts'

// Domain → wire (PascalCase). Keys follow the Get Single Purchase Order seed and PoMultipleDataDto.
// Each DTO starts from its schema's neutral value (src/wire/neutral.ts); only what Crossdock knows
// is set, plus the keys whose Sellercloud value differs from the neutral one ('' for a nullable
// string, 1 for a currency rate, true for EnableShippingTotal).

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

// Intl lookups are slow next to the rest of a response; there are only ~250 region codes.
const countryNames = new Map<string, string>()

function countryName(code: string): string {
  let name = countryNames.get(code)
  if (name === undefined) {
    name = lookUpCountryName(code)
    if (countryNames.size < 1000) {
      countryNames.set(code, name)
    }
  }
  return name
}

function lookUpCountryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) {
    return ''
  }
  try {
    return regionNames.of(code) ?? ''
  } catch {
    return ''
  }
}

/** Ship-to: the request's ShippingAddress, else the default warehouse's address. */
export function shipToAddress(
  po: PurchaseOrder,
  warehouse: Warehouse | undefined,
): Static<typeof AddressDto> {
  const s = po.shippingAddress
  const w = warehouse?.address ?? {}
  const state = s?.State ?? ''
  const countryCode = s !== null ? s.Country : (w.CountryCode ?? '')
  return {
    ...neutralOf(AddressDto),
    IsShippingAddress: true,
    Notes: '',
    HomePhone: '',
    EmailAddress: '',
    FirstName: s !== null ? (s.FirstName ?? '') : (w.FirstName ?? ''),
    MiddleInitial: s !== null ? (s.MiddleName ?? '') : (w.MiddleInitial ?? ''),
    LastName: s !== null ? (s.LastName ?? '') : (w.LastName ?? ''),
    CompanyName: s !== null ? (s.Business ?? '') : (w.CompanyName ?? warehouse?.name ?? ''),
    StreetLine1: s !== null ? (s.AddressLine1 ?? '') : (w.StreetLine1 ?? ''),
    StreetLine2: s !== null ? (s.AddressLine2 ?? '') : (w.StreetLine2 ?? ''),
    City: s !== null ? (s.City ?? '') : (w.City ?? ''),
    StateName: s !== null ? state : (w.StateName ?? ''),
    StateCode:
      s !== null ? (/^[A-Za-z]{2}$/.test(state) ? state.toUpperCase() : '') : (w.StateCode ?? ''),
    PostalCode: s !== null ? (s.ZipCode ?? '') : (w.PostalCode ?? ''),
    CountryName: countryName(countryCode),
    CountryCode: countryCode,
    PhoneNumber: s !== null ? (s.Phone ?? '') : (w.PhoneNumber ?? ''),
    FaxNumber: s !== null ? (s.Fax ?? '') : (w.FaxNumber ?? ''),
    WebSiteURL: '',
  }
}

function totalWeightLbs(view: PoView): string {
  let oz = 0
  for (const line of view.po.lines) {
    oz += line.qtyOrdered * (view.products.get(line.sku)?.weightOz ?? 0)
  }
  return (oz / 16).toFixed(2)
}

/** A product's stock as the PO items show it (the inventory module, through the app root). */
export interface PoItemStock {
  physical: number
  available: number
}

export function toPoDetails(
  view: PoView,
  stock: Map<string, PoItemStock> = new Map(),
): Static<typeof PoDetails> {
  const { po, settings: st } = view
  const dto = neutralOf(PoDetails)
  const totals = poTotals(po)
  const invoices =
    po.invoiceNumber === ''
      ? []
      : [{ InvoiceDate: po.invoiceDate, InvoiceNumber: po.invoiceNumber }]
  const relatedOrders = [
    ...new Set(po.lines.flatMap((l) => (l.relatedOrderId === null ? [] : [l.relatedOrderId]))),
  ]
  return {
    ...dto,
    Purchase: {
      ...dto.Purchase,
      POId: po.id,
      CompanyId: po.companyId,
      VendorId: po.vendorId,
      OrderedOn: po.orderedOn,
      RequestedOn: po.requestedOn ?? po.created.on,
      OrderType: po.orderType,
      POType: po.poType,
      Description: po.description,
      DefaultWarehouseID: po.defaultWarehouseId ?? 0,
      ExpectedDelivery: po.expectedDelivery,
      RequireExpectedDeliveryDate: st.ForceExpectedDeliveryDate,
      CancelByDate: po.cancelBy ?? null,
      CurrencyCode: view.currencyCode,
      CurrencyRateToUSD: 1,
      CurrencyRateFromUSD: 1,
      ReceivingStatus: po.receivingStatus,
      Instructions: po.vendorNote,
      IsWarehouseBinsEnabled: view.defaultWarehouse?.enforceBins ?? false,
      TotalWeight: totalWeightLbs(view),
      ShipToAddress: {
        ...dto.Purchase.ShipToAddress,
        ...shipToAddress(po, view.defaultWarehouse),
      },
    },
    VendorAndInvoice: {
      ...dto.VendorAndInvoice,
      PaymentTermID: po.paymentTermId ?? 0,
      InvoiceNumber: po.invoiceNumber,
      InvoiceDate: po.invoiceDate,
      EnableVendorInvoicesWorkflow: st.EnableVendorInvoicesWorkflow,
      EnableMultipleinvoicesforpurchaseorders: st.EnableMultipleInvoicesForPurchaseOrders,
      PaymentStatus: po.paymentStatus,
      Balance: fromMinor(totals.grandTotal),
      OverRecived: fromMinor(totals.overReceived),
      Invoices: invoices,
    },
    Changes: {
      ...dto.Changes,
      CreatedBy: po.created.by,
      CreatedByEmployeeId: po.created.byId,
      CreatedOn: po.created.on,
      UpdatedBy: po.updated.by,
      UpdatedByEmployeeId: po.updated.byId,
      UpdatedOn: po.updated.on,
      ReceivedBy: po.received?.by ?? '',
      ReceivedByEmployeeId: po.received?.byId ?? 0,
      ReceivedOn: po.received?.on ?? null,
    },
    Items: po.lines.map((line) => {
      const a = lineAmounts(line)
      const product = view.products.get(line.sku)
      const item = neutralOf(PoDetailsItem)
      return {
        ...item,
        ID: line.id,
        PurchaseID: po.id,
        ProductID: line.sku,
        UPC: product?.upc ?? '',
        IsKit: product?.isKit ?? false,
        VendorSKU: line.vendorSku ?? '',
        ProductName: line.productName,
        ProductNameFromProductTable: product?.name ?? '',
        QtyOrdered: line.qtyOrdered,
        QtyReceived: line.qtyReceived,
        UnitPrice: fromMinor(line.unitPrice),
        AdjustedPrice: fromMinor(a.adjustedUnitPrice),
        AdjustedPriceAfterMultiDiscount: fromMinor(a.adjustedUnitPrice),
        DefaultWarehouseID: line.warehouseId ?? 0,
        Total: fromMinor(a.gross),
        FinalSubTotalVisible: line.discountType !== null,
        FinalSubTotal: fromMinor(a.net),
        DiscountValue: fromMinor(line.discountValue),
        DiscountType: line.discountType ?? 0,
        PricePerCase: fromMinor(line.casePrice ?? 0),
        TotalCases: line.qtyCases ?? 0,
        QtyPerCase: line.qtyPerCase ?? 0,
        ExpectedDeliveryDate: line.expectedDelivery ?? po.expectedDelivery,
        PreSellQuantityEnabled: st.EnablePoPreSellQuantity,
        LineDiscountDataContext: {
          ...item.LineDiscountDataContext,
          PoId: po.id,
          PurchaseItemId: line.id,
          AddNewDiscountEnabled: st.EnableMultiDiscountForPurchaseOrder,
        },
        POItemNotes: line.itemNotes,
        CostPerCase: fromMinor(line.casePrice ?? 0),
        RelatedOrderID: line.relatedOrderId ?? 0,
        SitePrice: fromMinor(product?.sitePrice ?? 0),
        SiteCost: fromMinor(product?.siteCost ?? 0),
        ReceivingStatus: lineReceivingStatus(line),
        QtyOnHand: stock.get(line.sku)?.physical ?? 0,
        InventoryAvailableQty: stock.get(line.sku)?.available ?? 0,
      }
    }),
    RelatedItems: relatedOrders.map((orderId) => ({
      ID: orderId,
      RecordType: 'Order',
      Url: `/rest/api/Orders/${orderId}`,
    })),
    TotalInfo: {
      ...dto.TotalInfo,
      DiscountTotal: fromMinor(totals.discountTotal),
      DiscountTotalFixed: st.FixedTotalDiscount,
      EnableMultiDiscountForPurchaseOrder: st.EnableMultiDiscountForPurchaseOrder,
      SubTotal: fromMinor(totals.subTotal),
      ShippingTotal: fromMinor(po.shippingTotal),
      EnableShippingTotal: true,
      GrandTotal: fromMinor(totals.grandTotal),
      UnreceivedTotal: fromMinor(totals.unreceivedTotal),
      TotalUnpaid: fromMinor(totals.grandTotal),
      EnableFreeShippingForPurchaseOrders: st.EnableFreeShippingForPurchaseOrders,
      EnableOrderDropShipFee: st.EnableOrderDropShipFee,
      PurchaseOrdersEnableCustomsTotalField: st.PurchaseOrdersEnableCustomsTotalField,
      EnableCreditCardFeeOnPurchaseOrders: st.EnableCreditCardFeeOnPurchaseOrders,
      UseFixedDiscountTotal: st.FixedTotalDiscount,
      UseDiscountTotal: totals.discountTotal > 0,
      EnableVendorInvoicesWorkflow: st.EnableVendorInvoicesWorkflow,
      IsFullyRecivedandshipped:
        po.receivingStatus === PoReceivingStatus.FullyReceived &&
        po.shippingStatus === PoShippingStatus.FullyShipped,
    },
    Metadata: {
      PurchaseOrderCurrencyDigitsCount: st.PurchaseOrderCurrencyDigitsCount,
      EnableCaseQty: st.EnableCaseQty,
      EnabledMultipleDiscounts: st.EnableMultiDiscountForPurchaseOrder,
      FixedTotalDiscount: st.FixedTotalDiscount,
      EnablePerCaseQtyModeSetting: st.EnableCaseQty,
      EnableVendorInvoicesWorkflow: st.EnableVendorInvoicesWorkflow,
      AllowToIgnoreInventoryInPurchaseOrder: st.AllowToIgnoreInventoryInPurchaseOrder,
      EnableShippingContainers: st.EnableShippingContainers,
      EnablePOFBAAllocationQty: st.EnablePOFBAAllocationQty,
      EnableNotesForPurchaseItems: st.EnableNotesForPurchaseItems,
      EnableLocalNotesForPurchaseItems: st.EnableLocalNotesForPurchaseItems,
      EnableCurrencySymbolForPO: st.EnableCurrencySymbolForPO,
      ShowASINAndUPCInPoItems: st.ShowASINAndUPCInPoItems,
      ShowQtyOnHandInPoItems: st.ShowQtyOnHandInPoItems,
      EnableExpectedDeliveryForPurchaseItems: st.EnableExpectedDeliveryForPurchaseItems,
      BreakupKitComponentsWhenAddingKitParentToPO: st.BreakupKitComponentsWhenAddingKitParentToPO,
    },
    Statuses: {
      ...dto.Statuses,
      Status: po.status,
      IsApproved: po.isApproved,
      Priority: po.priority,
      ShippingStatus: po.shippingStatus,
      ReceivingStatus: po.receivingStatus,
      PaymentStatus: po.paymentStatus,
    },
    ShowProductImageForItems: st.ShowProductImageForItems,
    EnablePoPrSellQuantity: st.EnablePoPreSellQuantity,
  }
}

export function toPoListItem(entry: PoListEntry): Static<typeof PoListItem> {
  const { po } = entry
  const totals = poTotals(po)
  const dropShipOrder = po.lines.find((l) => l.relatedOrderId !== null)?.relatedOrderId ?? 0
  return {
    ...neutralOf(PoListItem),
    POType: po.poType,
    TotalBalance: fromMinor(totals.grandTotal),
    TotalBalanceNotReceivedGood: fromMinor(totals.unreceivedTotal),
    VendorID: po.vendorId,
    PurchaseTitle: po.description,
    CreatedOn: po.created.on,
    CreatedBy: po.created.byId,
    OrderTotal: fromMinor(totals.subTotal - totals.discountTotal),
    ShippingTotal: fromMinor(po.shippingTotal),
    GrandTotal: fromMinor(totals.grandTotal),
    DateOrdered: po.orderedOn,
    LastRevisedOn: po.updated.on,
    RevisedBy: po.updated.byId,
    PurchaseOrderStatus: po.status,
    PaymentStatus: po.paymentStatus,
    PurchaseOrdersShippingStatus: po.shippingStatus,
    TrackingNumber: po.trackingNumber,
    TrackingNumbers:
      entry.trackingNumbers !== undefined && entry.trackingNumbers.length > 0
        ? entry.trackingNumbers.map((e) => ({
            ShippedOn: e.shippedOn,
            ShippingCarrier: carrierLabel(e),
            TrackingNumber: e.trackingNumber,
          }))
        : po.trackingNumber === ''
          ? []
          : [
              {
                ShippedOn: po.shippedOn,
                ShippingCarrier: po.shippingCarrier,
                TrackingNumber: po.trackingNumber,
              },
            ],
    ShippedOn: po.shippedOn,
    CourierService: po.shippingCarrier,
    PurchaseOrdersPriority: po.priority,
    ReceivingStatus: po.receivingStatus,
    CompanyID: po.companyId,
    PurchaseOrdersApproved: po.isApproved,
    DropShipOrderNumber: dropShipOrder,
    VendorInvoiceNumber: po.invoiceNumber,
    Invoices: po.invoiceNumber === '' ? [] : [{ InvoiceNumber: po.invoiceNumber }],
    ExpectedDeliveryDate: po.expectedDelivery,
    DiscountTotal: fromMinor(totals.discountTotal),
    CM: po.poType === PoType.CreditMemo ? 1 : 0,
    UnitCounts: totals.totalUnits,
    PurchaseOrderCreditMemo: po.poType === PoType.CreditMemo,
    WarehouseID: po.defaultWarehouseId ?? 0,
    Items: po.lines.map((line) => {
      const a = lineAmounts(line)
      return {
        ...neutralOf(PoListItemLine),
        ID: line.id,
        SKU: line.sku,
        VendorSKU: line.vendorSku ?? '',
        ProductName: line.productName,
        QtyOrdered: line.qtyOrdered,
        QtyReceived: line.qtyReceived,
        UnitPrice: fromMinor(line.unitPrice),
        AdjustedPrice: fromMinor(a.adjustedUnitPrice),
        LineTotal: fromMinor(a.net),
        ExpectedDeliveryDate: line.expectedDelivery ?? po.expectedDelivery,
        ItemNotes: line.itemNotes,
      }
    }),
    ShipToAddress: shipToAddress(po, entry.defaultWarehouse),
    ID: po.id,
  }
}
