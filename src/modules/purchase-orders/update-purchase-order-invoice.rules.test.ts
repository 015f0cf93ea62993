import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { RuleViolationError } from '../../shared/errors.ts'
import {
  assertSingleInvoiceAllowed,
  planInvoiceUpdate,
} from './update-purchase-order-invoice.rules.ts'

const NOW = '2026-04-02T08:30:00.000Z'
const none = { invoiceNumber: '', invoiceDate: null }
const dated = { invoiceNumber: 'A', invoiceDate: '2026-01-01T00:00:00.000Z' }

describe('update-purchase-order-invoice rules', () => {
  it('should refuse while either invoice setting is on, naming it', () => {
    const off = {
      EnableVendorInvoicesWorkflow: false,
      EnableMultipleInvoicesForPurchaseOrders: false,
    }
    assert.doesNotThrow(() => assertSingleInvoiceAllowed(off))
    for (const name of [
      'EnableVendorInvoicesWorkflow',
      'EnableMultipleInvoicesForPurchaseOrders',
    ]) {
      assert.throws(
        () => assertSingleInvoiceAllowed({ ...off, [name]: true }),
        (e: unknown) =>
          e instanceof RuleViolationError &&
          e.code === 'SETTING_DISABLED' &&
          e.message.includes(name),
      )
    }
  })

  it('should date a first number now and keep an existing date', () => {
    assert.deepEqual(planInvoiceUpdate(none, { InvoiceNumber: ' X ' }, NOW), {
      invoiceNumber: 'X',
      invoiceDate: NOW,
    })
    assert.deepEqual(planInvoiceUpdate(dated, { InvoiceNumber: 'B' }, NOW), { invoiceNumber: 'B' })
  })

  it('should change nothing for null, omitted or equal values', () => {
    assert.deepEqual(planInvoiceUpdate(dated, {}, NOW), {})
    assert.deepEqual(planInvoiceUpdate(dated, { InvoiceNumber: null, InvoiceDate: null }, NOW), {})
    assert.deepEqual(
      planInvoiceUpdate(dated, { InvoiceNumber: 'A', InvoiceDate: dated.invoiceDate }, NOW),
      {},
    )
  })

  it('should clear number and date on an empty number', () => {
    assert.deepEqual(planInvoiceUpdate(dated, { InvoiceNumber: '' }, NOW), {
      invoiceNumber: '',
      invoiceDate: null,
    })
    assert.deepEqual(planInvoiceUpdate(none, { InvoiceNumber: '  ' }, NOW), {})
  })
})
