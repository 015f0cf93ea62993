import type { Static } from 'typebox'
import { RuleViolationError } from '../../shared/errors.ts'
import type { ClientSettings } from '../settings/index.ts'
import type { InvoiceRequest } from './purchase-orders.schemas.ts'
import type { PurchaseOrder } from './purchase-orders.types.ts'

// Pure rules of PUT /PurchaseOrders/{id}/Invoice: no I/O, unit-tested beside.

/** An invoice update request. */
export type InvoiceInput = Static<typeof InvoiceRequest>

export interface InvoiceChange {
  invoiceNumber?: string
  invoiceDate?: string | null
}

/** The two client settings under which a PO's one invoice number cannot be set this way. */
export const INVOICE_SETTINGS = [
  ['EnableVendorInvoicesWorkflow', 'Enable Vendor Invoices Workflow'],
  ['EnableMultipleInvoicesForPurchaseOrders', 'Enable Multiple Invoices for Purchase Orders'],
] as const

/** 400 SETTING_DISABLED naming the first of the two settings that is on. */
export function assertSingleInvoiceAllowed(
  settings: Pick<
    ClientSettings,
    'EnableVendorInvoicesWorkflow' | 'EnableMultipleInvoicesForPurchaseOrders'
  >,
): void {
  for (const [name, label] of INVOICE_SETTINGS) {
    if (settings[name]) {
      throw new RuleViolationError(
        null,
        `The invoice number cannot be updated while client setting '${label}' (${name}) is enabled.`,
        'SETTING_DISABLED',
      )
    }
  }
}

/**
 * What an invoice update changes. Null or omitted fields stay as they are; a number set on a PO
 * that has no invoice date gets `now` (as a receipt's invoice number does); an empty number
 * clears the invoice and its date. Only differences are returned.
 */
export function planInvoiceUpdate(
  po: Pick<PurchaseOrder, 'invoiceNumber' | 'invoiceDate'>,
  input: InvoiceInput,
  now: string,
): InvoiceChange {
  const change: InvoiceChange = {}
  const number = input.InvoiceNumber == null ? undefined : input.InvoiceNumber.trim()
  let date = input.InvoiceDate ?? undefined
  if (number === '') {
    date = undefined
    if (po.invoiceDate !== null) {
      change.invoiceDate = null
    }
  } else if (number !== undefined && date === undefined && po.invoiceDate === null) {
    date = now
  }
  if (number !== undefined && number !== po.invoiceNumber) {
    change.invoiceNumber = number
  }
  if (date !== undefined && date !== po.invoiceDate) {
    change.invoiceDate = date
  }
  return change
}
