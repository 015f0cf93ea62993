import type { Database } from '../../db/database.ts'
import type { AuthUser } from '../../shared/auth-user.ts'
import { visibleCompanyIds } from '../../shared/auth-user.ts'
import type { PageRequest } from '../../shared/page.ts'
import { YES_NO_ALL } from '../../wire/enums.ts'
import { findWarehouses, type Warehouse } from '../catalog/warehouses/index.ts'
import { booleanSettingAcrossCompanies } from '../settings/index.ts'
import {
  type CompanyScope,
  findItemRows,
  listPurchaseOrderRows,
  poRowToPurchaseOrder,
} from './purchase-orders.repository.ts'
import { PoVendorInvoiced } from './purchase-orders.enums.ts'
import type { PoListQueryType } from './purchase-orders.schemas.ts'
import type { PoTrackingEntry, PurchaseOrder } from './purchase-orders.types.ts'
import { findTrackingEntries } from './purchase-orders.tracking.repository.ts'

/** A PO with what its list row needs from other modules. */
export interface PoListEntry {
  po: PurchaseOrder
  defaultWarehouse: Warehouse | undefined
  /** Its multiple tracking numbers, oldest first (none: the header's single tracking shows). */
  trackingNumbers?: PoTrackingEntry[]
}

/**
 * GET /PurchaseOrders: the user's visible POs matching the filters, newest first.
 * @example const page = await listPurchaseOrdersForUser(db, user, { pOStatuses: [0] }, { pageNumber: 1, pageSize: 10 })
 */
export async function listPurchaseOrdersForUser(
  db: Database,
  user: AuthUser,
  q: PoListQueryType,
  page: PageRequest,
): Promise<{ items: PoListEntry[]; totalResults: number }> {
  const warehouseIds = [...(q.receivingWarehouseID ?? []), ...(q.receiveWarehouseID ?? [])]
  const invoicing = await invoiceFilterScopes(db, q)
  const { rows, total } = await listPurchaseOrderRows(
    db,
    {
      companyIds: visibleCompanyIds(user, q.companyIDList),
      ids: q.pOIds,
      // -1 is Sellercloud's "Select" (no filter).
      statuses: q.pOStatuses?.filter((s) => s !== -1),
      shippingStatuses: q.shippingStatuses,
      receivingStatuses: q.receivedStatuses,
      paymentStatuses: q.paymentStatus,
      paymentStatusScope: invoicing.paymentStatus,
      warehouseIds,
      approved: q.approved === undefined ? undefined : q.approved === 1,
      // A PO's one invoice number covers all of it: PartiallyInvoiced selects none.
      invoiced:
        q.vendorInvoiced === undefined || q.vendorInvoiced === PoVendorInvoiced.All
          ? undefined
          : q.vendorInvoiced === PoVendorInvoiced.PartiallyInvoiced
            ? 'none'
            : q.vendorInvoiced !== PoVendorInvoiced.NotInvoiced,
      invoicedScope: invoicing.vendorInvoiced,
      // Crossdock counts every PO's inventory and never exports to QuickBooks.
      none: q.inventoryCountEnabled === 0 || q.qBExported === YES_NO_ALL.Yes,
      createdFrom: q.createDateFrom,
      createdTo: q.createDateTo,
      updatedFrom: q.updatedDateFrom,
      updatedTo: q.updatedDateTo,
      receivedFrom: q.receiveDateFrom,
      receivedTo: q.receiveDateTo,
      keyword: q.keyword,
    },
    page,
  )
  const items = await findItemRows(
    db,
    rows.map((r) => r.id),
  )
  const warehouses = await findWarehouses(
    db,
    rows.flatMap((r) => (r.default_warehouse_id === null ? [] : [r.default_warehouse_id])),
  )
  const tracking = await findTrackingEntries(
    db,
    rows.map((r) => r.id),
  )
  const itemsByPo = new Map<number, typeof items>()
  for (const item of items) {
    const list = itemsByPo.get(item.po_id)
    if (list === undefined) {
      itemsByPo.set(item.po_id, [item])
    } else {
      list.push(item)
    }
  }
  return {
    items: rows.map((row) => ({
      po: poRowToPurchaseOrder(row, itemsByPo.get(row.id) ?? []),
      defaultWarehouse:
        row.default_warehouse_id === null ? undefined : warehouses.get(row.default_warehouse_id),
      trackingNumbers: tracking.filter((e) => e.poId === row.id),
    })),
    totalResults: total,
  }
}

/**
 * Sellercloud's `paymentStatus` filter means something only while a company's client setting
 * Enable Vendor Invoices Workflow is off, `vendorInvoiced` only while it is on: each filters the POs
 * of the companies where it means something and passes the others' POs.
 */
async function invoiceFilterScopes(
  db: Database,
  q: PoListQueryType,
): Promise<{ paymentStatus?: CompanyScope; vendorInvoiced?: CompanyScope }> {
  if ((q.paymentStatus ?? []).length === 0 && q.vendorInvoiced === undefined) {
    return {}
  }
  const workflow = await booleanSettingAcrossCompanies(db, 'EnableVendorInvoicesWorkflow')
  const { otherCompanyIds: companyIds } = workflow
  return {
    paymentStatus: { only: workflow.server, companyIds },
    vendorInvoiced: { only: !workflow.server, companyIds },
  }
}
