import type { WriteContext } from '../../db/context.ts'
import { inTransaction } from '../../db/transaction.ts'
import { canAccessCompany, type AuthUser } from '../../shared/auth-user.ts'
import { isoNow } from '../../shared/clock.ts'
import { ModelStateBuilder } from '../../shared/model-state.ts'
import { findCompany } from '../catalog/companies/index.ts'
import { findProductsBySkus } from '../catalog/products/index.ts'
import { findVendor } from '../catalog/vendors/index.ts'
import type { UpdatePoBody } from './purchase-orders.edits.schemas.ts'
import type { PurchaseOrderEvents } from './purchase-orders.events.ts'
import { updatePurchaseOrderRow } from './purchase-orders.repository.ts'
import type { PurchaseOrderUpdate } from './purchase-orders.table.ts'
import { actorOf, assertPoVisible, lockPurchaseOrder } from './purchase-orders.service.ts'
import { checkOwnerChange, skusOfOtherCompanies } from './update-purchase-order.rules.ts'

/**
 * PUT /PurchaseOrders/{id}: the General panel (company, vendor, description, dates, instructions);
 * null or omitted keeps a field. Company and vendor stay once anything is received or the PO is
 * cancelled; a new company must own every product on the PO; a new vendor must exist and be
 * active. One transaction with the PO locked; `po.updated` is announced in it (crossdock refuses a
 * company change of a PO linked to sales orders). A request that changes nothing writes nothing.
 * @example await updatePurchaseOrder(deps, user, 7, { Description: 'Spring restock', VendorId: 3 })
 */
export async function updatePurchaseOrder(
  ctx: WriteContext<PurchaseOrderEvents>,
  user: AuthUser,
  id: number,
  body: UpdatePoBody,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const po = await lockPurchaseOrder(trx, id)
    assertPoVisible(po, id, user)
    const issues = new ModelStateBuilder()
    const update: PurchaseOrderUpdate = {}
    const changed: string[] = []
    const set = <K extends keyof PurchaseOrderUpdate>(
      wire: string,
      column: K,
      value: PurchaseOrderUpdate[K],
      current: unknown,
    ) => {
      if (value !== current) {
        update[column] = value
        changed.push(wire)
      }
    }
    let companyId = po.companyId
    if (body.CompanyId != null && body.CompanyId !== po.companyId) {
      const company = await findCompany(trx, body.CompanyId)
      // A company the user may not see is answered as one that does not exist.
      if (company === undefined || !canAccessCompany(user, company.id)) {
        issues.add('CompanyId', `Company ${body.CompanyId} was not found.`)
      } else if (checkOwnerChange(po, 'CompanyId', issues)) {
        const products = await findProductsBySkus(
          trx,
          po.lines.map((l) => l.sku),
        )
        const foreign = skusOfOtherCompanies(
          po.lines.map((l) => l.sku),
          (sku) => products.get(sku)?.companyId,
          company.id,
        )
        if (foreign.length > 0) {
          issues.add(
            'CompanyId',
            `Products of purchase order ${id} do not belong to company ${company.id}: ${foreign.slice(0, 20).join(', ')}.`,
          )
        }
        companyId = company.id
        set('CompanyId', 'company_id', company.id, po.companyId)
      }
    }
    let vendorId = po.vendorId
    if (body.VendorId != null && body.VendorId !== po.vendorId) {
      const vendor = await findVendor(trx, body.VendorId)
      if (vendor === undefined) {
        issues.add('VendorId', `Vendor ${body.VendorId} was not found.`)
      } else if (!vendor.isActive) {
        issues.add('VendorId', `Vendor ${body.VendorId} is inactive.`)
      } else if (checkOwnerChange(po, 'VendorId', issues)) {
        vendorId = vendor.id
        set('VendorId', 'vendor_id', vendor.id, po.vendorId)
      }
    }
    issues.throwIfAny()
    if (body.Description != null) {
      set('Description', 'description', body.Description, po.description)
    }
    if (body.Instructions != null) {
      set('Instructions', 'vendor_note', body.Instructions, po.vendorNote)
    }
    if (body.OrderedOnDate != null) {
      set('OrderedOnDate', 'ordered_on', body.OrderedOnDate, po.orderedOn)
    }
    if (body.RequestedOnDate != null) {
      set('RequestedOnDate', 'requested_on', body.RequestedOnDate, po.requestedOn ?? null)
    }
    if (body.ExpectedDeliveryDate != null) {
      set(
        'ExpectedDeliveryDate',
        'expected_delivery',
        body.ExpectedDeliveryDate,
        po.expectedDelivery,
      )
    }
    if (body.CancelByDate != null) {
      set('CancelByDate', 'cancel_by', body.CancelByDate, po.cancelBy ?? null)
    }
    if (changed.length === 0) {
      return
    }
    const now = isoNow(ctx.clock)
    const actor = actorOf(user)
    await updatePurchaseOrderRow(trx, id, {
      ...update,
      updated_on: now,
      updated_by: actor.username,
      updated_by_id: actor.id,
    })
    await ctx.events.emit(trx, 'po.updated', {
      id,
      companyId,
      companyBefore: po.companyId,
      vendorId,
      vendorBefore: po.vendorId,
      changed,
      userId: user.id,
      now,
    })
  })
}
