import type { Static } from 'typebox'
import { fromMinor } from '../../shared/money.ts'
import type { Warehouse } from '../catalog/warehouses/index.ts'
import type { PoListEntry, PoView } from './get-purchase-order.ts'
import type { PoDetails } from './po-details.schemas.ts'
import { lineAmounts, lineReceivingStatus, poTotals } from './purchase-orders.rules.ts'
import type { PoListItem, ReadAddress } from './purchase-orders.schemas.ts'
import { PoReceivingStatus, PoShippingStatus, type PurchaseOrder } from './purchase-orders.types.ts'

// Domain → wire (PascalCase). Keys follow the Get Single Purchase Order seed and PoMultipleDataDto.

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
): Static<typeof ReadAddress> {
  const s = po.shippingAddress
  const w = warehouse?.address ?? {}
  const state = s?.State ?? ''
  const countryCode = s !== null ? s.Country : (w.CountryCode ?? '')
  return {
    IsShippingAddress: true,
    IsBillingAddress: false,
    AddressClassification: 0,
    Notes: '',
    HomePhone: '',
    EmailAddress: '',
    AddressStatus: 0,
    AddressSource: 0,
    ID: 0,
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

export function toPoDetails(view: PoView): Static<typeof PoDetails> {
  const { po, settings: st } = view
  const totals = poTotals(po)
  const invoices =
    po.invoiceNumber === ''
      ? []
      : [{ InvoiceDate: po.invoiceDate, InvoiceNumber: po.invoiceNumber }]
  const relatedOrders = [
    ...new Set(po.lines.flatMap((l) => (l.relatedOrderId === null ? [] : [l.relatedOrderId]))),
  ]
  return {
    Purchase: {
      POId: po.id,
      CompanyId: po.companyId,
      VendorId: po.vendorId,
      OrderedOn: po.orderedOn,
      RequestedOn: po.created.on,
      OrderType: po.orderType,
      OrderTypeEnable: false,
      POType: po.poType,
      Description: po.description,
      DefaultWarehouseID: po.defaultWarehouseId ?? 0,
      ExpectedDelivery: po.expectedDelivery,
      RequireExpectedDeliveryDate: st.ForceExpectedDeliveryDate,
      CancelByDate: null,
      CreditMemoID: 0,
      CurrencyCode: view.currencyCode,
      CurrencyRateToUSD: 1,
      CurrencyRateFromUSD: 1,
      ReceivingStatus: po.receivingStatus,
      RelatedFbaId: 0,
      Instructions: po.vendorNote,
      IsQBExported: false,
      IsWarehouseBinsEnabled: view.defaultWarehouse?.enforceBins ?? false,
      CancelledPOID: 0,
      RelatedWfsShipmentId: 0,
      TotalCBM: 0,
      TotalWeight: totalWeightLbs(view),
      RelatedPOFBAPlanningId: 0,
      ShipToAddress: {
        ClientID: 0,
        UserID: 0,
        HomePhoneExt: '',
        PhoneNumberExt: '',
        ...shipToAddress(po, view.defaultWarehouse),
      },
      IsModified: false,
    },
    VendorAndInvoice: {
      PaymentTermID: po.paymentTermId ?? 0,
      InvoiceNumber: po.invoiceNumber,
      InvoiceDate: po.invoiceDate,
      VendorInvoice: { FileName: '', NewFileToken: '', DeleteFile: false },
      Memo: '',
      InvoiceLineCount: '',
      InvoiceLink: '',
      EnableVendorInvoicesWorkflow: st.EnableVendorInvoicesWorkflow,
      EnableMultipleinvoicesforpurchaseorders: st.EnableMultipleInvoicesForPurchaseOrders,
      PaymentStatus: po.paymentStatus,
      Balance: fromMinor(totals.grandTotal),
      TotalPaid: 0,
      TotalRefunded: 0,
      OverRecived: fromMinor(totals.overReceived),
      Invoices: invoices,
      IsModified: false,
    },
    Changes: {
      CreatedBy: po.created.by,
      CreatedByEmployeeId: po.created.byId,
      CreatedOn: po.created.on,
      UpdatedBy: po.updated.by,
      UpdatedByEmployeeId: po.updated.byId,
      UpdatedOn: po.updated.on,
      ApprovedBy: '',
      ApprovedByEmployeeId: 0,
      ApprovedOn: null,
      ReceivedBy: po.received?.by ?? '',
      ReceivedByEmployeeId: po.received?.byId ?? 0,
      ReceivedOn: po.received?.on ?? null,
    },
    Items: po.lines.map((line) => {
      const a = lineAmounts(line)
      const product = view.products.get(line.sku)
      return {
        ID: line.id,
        PurchaseID: po.id,
        ProductID: line.sku,
        ASIN: '',
        ASINUrl: '',
        UPC: product?.upc ?? '',
        IsKit: product?.isKit ?? false,
        KitRefreshVisible: false,
        KitDefinitionChanged: false,
        ImageURL: '',
        VendorSKU: '',
        IsVendorSKUEditable: false,
        ProductName: line.productName,
        ProductNameFromProductTable: product?.name ?? '',
        QtyOrdered: line.qtyOrdered,
        QtyReceived: line.qtyReceived,
        QtyOnHand: 0,
        QtyInContainer: 0,
        FBAAllocationQty: 0,
        UnitPrice: fromMinor(line.unitPrice),
        AdjustedPrice: fromMinor(a.adjustedUnitPrice),
        AdjustedPriceAfterMultiDiscount: fromMinor(a.adjustedUnitPrice),
        ExtraCostPerUnit: 0,
        ExtraCostPOBasedPerUnit: 0,
        DefaultWarehouseID: line.warehouseId ?? 0,
        DefaultWarehouseBinID: 0,
        Total: fromMinor(a.gross),
        FinalSubTotalVisible: line.discountType !== null,
        FinalSubTotal: fromMinor(a.net),
        MultiDiscountTotal: 0,
        DiscountValue: fromMinor(line.discountValue),
        DiscountType: line.discountType ?? 0,
        PricePerCase: fromMinor(line.casePrice ?? 0),
        TotalCases: line.qtyCases ?? 0,
        QtyPerCase: line.qtyPerCase ?? 0,
        ExpectedDeliveryDate: po.expectedDelivery,
        PreSellQuantityEnabled: st.EnablePoPreSellQuantity,
        PreSellQuantity: 0,
        LineDiscountDataContext: {
          PoId: po.id,
          PurchaseItemId: line.id,
          AddNewDiscountEnabled: st.EnableMultiDiscountForPurchaseOrder,
          MultiDiscounts: [],
        },
        POItemNotes: line.itemNotes,
        POItemNotesLocal: '',
        CostPerCase: fromMinor(line.casePrice ?? 0),
        RelatedOrderID: line.relatedOrderId ?? 0,
        CreditMemoQtyPicked: 0,
        CreditMemoOrderID: 0,
        SitePrice: fromMinor(product?.sitePrice ?? 0),
        SiteCost: fromMinor(product?.siteCost ?? 0),
        InventoryAvailableQty: 0,
        ReceivingStatus: lineReceivingStatus(line),
        BinName: '',
        RowStatus: 0,
        IsModified: false,
      }
    }),
    RelatedItems: relatedOrders.map((orderId) => ({
      ID: orderId,
      RecordType: 'Order',
      Url: `/rest/api/Orders/${orderId}`,
    })),
    TotalInfo: {
      DiscountTotal: fromMinor(totals.discountTotal),
      DiscountTotalFixed: st.FixedTotalDiscount,
      MultiDiscountTotal: 0,
      EnableMultiDiscountForPurchaseOrder: st.EnableMultiDiscountForPurchaseOrder,
      SubTotal: fromMinor(totals.subTotal),
      FreeShipping: false,
      ShippingTotal: fromMinor(po.shippingTotal),
      EnableShippingTotal: true,
      DropShipFeeTotal: 0,
      ShippingTotalThirdParty: 0,
      EnableShippingTotalThirdParty: false,
      CustomsTotal: 0,
      TaxTotal: 0,
      OtherTotal: 0,
      SmallOrderFee: 0,
      CreditCardFee: 0,
      CreditCardFeePercent: 0,
      GrandTotal: fromMinor(totals.grandTotal),
      UnreceivedTotal: fromMinor(totals.unreceivedTotal),
      TotalUnpaid: fromMinor(totals.grandTotal),
      EnableFreeShippingForPurchaseOrders: st.EnableFreeShippingForPurchaseOrders,
      EditFreeShippingForPurchaseOrders: false,
      EditShippingTotal: false,
      EnableOrderDropShipFee: st.EnableOrderDropShipFee,
      PurchaseOrdersEnableCustomsTotalField: st.PurchaseOrdersEnableCustomsTotalField,
      SmallOrderFeeVisible: false,
      EnableCreditCardFeeOnPurchaseOrders: st.EnableCreditCardFeeOnPurchaseOrders,
      HidePrices: false,
      DoNotIncludeThirdPartyShippingInPOGrandTotal: false,
      UseFixedDiscountTotal: st.FixedTotalDiscount,
      UseDiscountTotal: totals.discountTotal > 0,
      EnableVendorInvoicesWorkflow: st.EnableVendorInvoicesWorkflow,
      IsFullyRecivedandshipped:
        po.receivingStatus === PoReceivingStatus.FullyReceived &&
        po.shippingStatus === PoShippingStatus.FullyShipped,
      IsModified: false,
    },
    CustomColumns: [],
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
      Status: po.status,
      IsApproved: po.isApproved,
      Priority: po.priority,
      ShippingStatus: po.shippingStatus,
      ReceivingStatus: po.receivingStatus,
      PaymentStatus: po.paymentStatus,
      InvoicedStatus: '',
      PickingStatus: '',
      InventoryCount: '',
      EmailSent: '',
      ReleaseForReceiving: false,
      IsExported: false,
    },
    ShowProductImageForItems: st.ShowProductImageForItems,
    EnablePoPrSellQuantity: st.EnablePoPreSellQuantity,
    NotesCount: 0,
    IsModified: false,
  }
}

export function toPoListItem(entry: PoListEntry): Static<typeof PoListItem> {
  const { po } = entry
  const totals = poTotals(po)
  const dropShipOrder = po.lines.find((l) => l.relatedOrderId !== null)?.relatedOrderId ?? 0
  return {
    EmailSentCount: 0,
    DisableInventoryCount: false,
    POType: po.poType,
    CancelledPOID: 0,
    TotalBalance: fromMinor(totals.grandTotal),
    TotalBalanceNotReceivedGood: fromMinor(totals.unreceivedTotal),
    VendorID: po.vendorId,
    PurchaseTitle: po.description,
    CreatedOn: po.created.on,
    CreatedBy: po.created.byId,
    OrderTotal: fromMinor(totals.subTotal - totals.discountTotal),
    TaxTotal: 0,
    ShippingTotal: fromMinor(po.shippingTotal),
    GrandTotal: fromMinor(totals.grandTotal),
    DateOrdered: po.orderedOn,
    LastRevisedOn: po.updated.on,
    RevisedBy: po.updated.byId,
    PurchaseOrderStatus: po.status,
    PaymentStatus: po.paymentStatus,
    ExtraCharges: 0,
    TotalRefunded: 0,
    PurchaseOrdersShippingStatus: po.shippingStatus,
    TrackingNumber: po.trackingNumber,
    TrackingNumbers:
      po.trackingNumber === ''
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
    VendorInvoiceFileName: '',
    VendorInvoiceFileNameOriginal: '',
    Invoices: po.invoiceNumber === '' ? [] : [{ InvoiceNumber: po.invoiceNumber }],
    Memo: '',
    ExpectedDeliveryDate: po.expectedDelivery,
    DiscountTotal: fromMinor(totals.discountTotal),
    bExported: false,
    DisplayName: '',
    CM: po.poType === 1 ? 1 : 0,
    NotesCount: 0,
    PaidOn: null,
    UnitCounts: totals.totalUnits,
    PurchaseOrderCreditMemo: po.poType === 1,
    WarehouseID: po.defaultWarehouseId ?? 0,
    Items: po.lines.map((line) => {
      const a = lineAmounts(line)
      return {
        ID: line.id,
        SKU: line.sku,
        VendorSKU: '',
        ProductName: line.productName,
        QtyOrdered: line.qtyOrdered,
        QtyReceived: line.qtyReceived,
        UnitPrice: fromMinor(line.unitPrice),
        AdjustedPrice: fromMinor(a.adjustedUnitPrice),
        LineTotal: fromMinor(a.net),
        ExpectedDeliveryDate: po.expectedDelivery,
        ItemNotes: line.itemNotes,
      }
    }),
    RequestedShippingCarrier: '',
    RequestedShippingService: '',
    ShipToAddress: shipToAddress(po, entry.defaultWarehouse),
    ID: po.id,
  }
}
