import type { WriteContext } from '../../db/context.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { assertCompanyAccess } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { findCompany } from '../catalog/companies/index.ts'
import { findPaymentTerm } from '../catalog/payment-terms/index.ts'
import { findProductsBySkus, findUnitCosts } from '../catalog/products/index.ts'
import { findVendor, findVendorSkus } from '../catalog/vendors/index.ts'
import { findWarehouses } from '../catalog/warehouses/index.ts'
import { getClientSettings } from '../settings/index.ts'
import { insertPurchaseOrderItems } from './purchase-orders.repository.ts'
import {
  MAX_LINES,
  checkCountryCode,
  checkLineProduct,
  draftCreateLine,
} from './create-purchase-order.rules.ts'
import type { CreatePoBody } from './purchase-orders.schemas.ts'
import { actorOf, createPurchaseOrderHeader } from './purchase-orders.service.ts'
import type { PurchaseOrderEvents } from './purchase-orders.events.ts'
import type { PoAddress, PoLineDraft } from './purchase-orders.types.ts'

function cleanAddress(field: string, address: PoAddress, issues: ModelStateBuilder): PoAddress {
  const out: PoAddress = { Country: checkCountryCode(address.Country, `${field}.Country`, issues) }
  for (const [key, value] of Object.entries(address)) {
    if (key !== 'Country' && typeof value === 'string') {
      ;(out as unknown as Record<string, string>)[key] = value
    }
  }
  return out
}

/**
 * POST /PurchaseOrders: checks every field and referenced ID, then writes the PO and its lines
 * in one transaction, announcing `po.created` in it. Returns the new PO's ID.
 * @example const id = await createPurchaseOrder(deps, user, { CompanyID: 1, VendorID: 1, POType: 0, CaseQtyMode: false, Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 5, UnitPrice: 4.1 }] })
 */
export async function createPurchaseOrder(
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  body: CreatePoBody,
): Promise<number> {
  const { db, clock } = ctx
  assertCompanyAccess(user, body.CompanyID, `company ${body.CompanyID}`)
  // Reference data is read before the transaction, through the read cache (docs/compat.md,
  // "Performance decisions"); foreign keys still hold every ID at insert time.
  const issues = new ModelStateBuilder()
  const skus = body.Products.map((p) => p.ProductID)
  const warehouseIds = [
    ...(body.DefaultWarehouseID != null ? [body.DefaultWarehouseID] : []),
    ...body.Products.flatMap((p) => (p.WarehouseID != null ? [p.WarehouseID] : [])),
  ]
  const [company, vendor, products, costs, warehouses, term] = await Promise.all([
    findCompany(db, body.CompanyID),
    findVendor(db, body.VendorID),
    findProductsBySkus(db, skus),
    findUnitCosts(db, body.VendorID, skus),
    findWarehouses(db, warehouseIds),
    body.PaymentTermID != null ? findPaymentTerm(db, body.PaymentTermID) : undefined,
  ])
  const settings = await getClientSettings(db, company === undefined ? null : company.id)

  if (company === undefined) {
    issues.add('CompanyID', `Company ${body.CompanyID} was not found.`)
  }
  if (vendor === undefined) {
    issues.add('VendorID', `Vendor ${body.VendorID} was not found.`)
  } else if (!vendor.isActive) {
    issues.add('VendorID', `Vendor ${body.VendorID} is inactive.`)
  }
  if (body.PaymentTermID != null && term === undefined) {
    issues.add('PaymentTermID', `Payment term ${body.PaymentTermID} was not found.`)
  }
  if (body.DefaultWarehouseID != null && !warehouses.has(body.DefaultWarehouseID)) {
    issues.add('DefaultWarehouseID', `Warehouse ${body.DefaultWarehouseID} was not found.`)
  }
  const forceDate = settings.ForceExpectedDeliveryDate
  if (forceDate && body.ExpectedDeliveryDate == null) {
    issues.add(
      'ExpectedDeliveryDate',
      `The ExpectedDeliveryDate field is required while client setting 'Force user to enter Expected Delivery Date' (ForceExpectedDeliveryDate) is enabled.`,
    )
  } else if (!forceDate && body.ExpectedDeliveryDate != null) {
    issues.add(
      'ExpectedDeliveryDate',
      `Should only be provided if client setting 'Force user to enter Expected Delivery Date' (ForceExpectedDeliveryDate) is enabled.`,
    )
  }
  if (body.BillingAddress != null && !settings.EnableBillToAddressForPurchaseOrders) {
    issues.add(
      'BillingAddress',
      `Can only be provided if client setting 'Enable BillTo address for Purchase Orders' (EnableBillToAddressForPurchaseOrders) is enabled.`,
    )
  }
  const billing =
    body.BillingAddress != null ? cleanAddress('BillingAddress', body.BillingAddress, issues) : null
  const shipping =
    body.ShippingAddress != null
      ? cleanAddress('ShippingAddress', body.ShippingAddress, issues)
      : null
  if (body.Products.length > MAX_LINES) {
    issues.add('Products', `Should have at most ${MAX_LINES} items.`)
  }

  const drafts: PoLineDraft[] = []
  body.Products.forEach((item, i) => {
    const product = checkLineProduct(issues, i, item, products.get(item.ProductID), {
      user,
      companyId: body.CompanyID,
      warehouseExists: (id) => warehouses.has(id),
    })
    const draft = draftCreateLine(
      item,
      i,
      {
        caseQtyMode: body.CaseQtyMode,
        multiDiscountEnabled: settings.EnableMultiDiscountForPurchaseOrder,
        defaultWarehouseId: body.DefaultWarehouseID ?? null,
        unitCostOf: (sku) => costs.get(sku),
      },
      issues,
    )
    if (draft !== null) {
      // SKUs match ignoring case; the line keeps the catalog's spelling.
      drafts.push({ ...draft, sku: product?.sku ?? draft.sku })
    }
  })
  issues.throwIfAny()

  const byStoredSku = new Map([...products.values()].map((p) => [p.sku, p]))
  // Each line keeps the vendor's SKU as it is now (docs/compat.md, "Vendor products").
  const vendorSkus = await findVendorSkus(
    db,
    body.VendorID,
    drafts.map((d) => d.sku),
  )
  const now = isoNow(clock)
  return db.transaction().execute(async (trx) => {
    const poId = await createPurchaseOrderHeader(trx, {
      companyId: body.CompanyID,
      vendorId: body.VendorID,
      poType: body.POType,
      caseQtyMode: body.CaseQtyMode,
      defaultWarehouseId: body.DefaultWarehouseID ?? null,
      paymentTermId: body.PaymentTermID ?? null,
      description: body.Description ?? '',
      vendorNote: body.VendorNote ?? '',
      expectedDelivery: body.ExpectedDeliveryDate ?? null,
      billingAddress: billing,
      shippingAddress: shipping,
      actor: actorOf(user),
      now,
    })
    await insertPurchaseOrderItems(
      trx,
      drafts.map((d, i) => ({
        po_id: poId,
        position: i + 1,
        sku: d.sku,
        product_name: byStoredSku.get(d.sku)?.name ?? d.sku,
        qty_ordered: d.qtyOrdered,
        qty_received: 0,
        unit_price: d.unitPrice,
        qty_cases: d.qtyCases,
        qty_per_case: d.qtyPerCase,
        case_price: d.casePrice,
        discount_type: d.discountType,
        discount_value: d.discountValue,
        warehouse_id: d.warehouseId,
        item_notes: d.itemNotes,
        related_order_id: d.relatedOrderId,
        allow_over_receiving: d.allowOverReceiving ? 1 : 0,
        vendor_sku: vendorSkus.get(d.sku) ?? '',
      })),
    )
    await ctx.events.emit(trx, 'po.created', {
      id: poId,
      companyId: body.CompanyID,
      vendorId: body.VendorID,
      lines: drafts.map((d) => ({
        sku: d.sku,
        qtyOrdered: d.qtyOrdered,
        warehouseId: d.warehouseId,
      })),
      userId: user.id,
      now,
    })
    return poId
  })
}
