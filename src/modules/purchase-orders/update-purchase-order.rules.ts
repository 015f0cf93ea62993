import type { ModelStateBuilder } from '../../shared/model-state.ts'
import { PoReceivingStatus, PoStatus } from './purchase-orders.enums.ts'
import type { PurchaseOrder } from './purchase-orders.types.ts'

// Pure rules of PUT /PurchaseOrders/{id} (no I/O; unit-tested beside).

/**
 * Company and vendor of a PO are what its receipts were booked under: once anything is received
 * (partially or fully), or once the PO is cancelled, they stay. Adds the refusal to `issues`.
 */
export function checkOwnerChange(
  po: Pick<PurchaseOrder, 'id' | 'status' | 'receivingStatus'>,
  field: 'CompanyId' | 'VendorId',
  issues: ModelStateBuilder,
): boolean {
  const what = field === 'CompanyId' ? 'company' : 'vendor'
  if (po.receivingStatus !== PoReceivingStatus.None) {
    issues.add(
      field,
      `Purchase order ${po.id} is ${po.receivingStatus === PoReceivingStatus.FullyReceived ? 'received' : 'partially received'}; its ${what} cannot change.`,
    )
    return false
  }
  if (po.status === PoStatus.Cancelled) {
    issues.add(field, `Purchase order ${po.id} is cancelled; its ${what} cannot change.`)
    return false
  }
  return true
}

/** The SKUs of the PO's lines whose product belongs to another company than `companyId`. */
export function skusOfOtherCompanies(
  skus: string[],
  companyOf: (sku: string) => number | undefined,
  companyId: number,
): string[] {
  return [...new Set(skus)].filter((sku) => companyOf(sku) !== companyId)
}
