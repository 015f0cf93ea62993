import type { TestApp } from './build-app.ts'
import { changeClientSettings } from '../../src/modules/settings/settings.service.ts'

// Shared by the purchase-order test files (not a test file itself).

export function unitBody(overrides: Record<string, unknown> = {}) {
  return {
    CompanyID: 1,
    VendorID: 1,
    POType: 'PurchaseOrder',
    CaseQtyMode: false,
    Products: [{ ProductID: 'WIDGET-RED', QtyUnitsOrdered: 10, UnitPrice: 4.1 }],
    ...overrides,
  }
}

export function caseBody(overrides: Record<string, unknown> = {}) {
  return {
    CompanyID: 1,
    VendorID: 2,
    POType: 0,
    CaseQtyMode: true,
    Products: [{ ProductID: 'GADGET-PRO', QtyCasesOrdered: 3, QtyUnitsPerCase: 4, CasePrice: 120 }],
    ...overrides,
  }
}

/** Creates a PO through the API and returns its ID (throws on a non-200). */
export async function createPo(t: TestApp, body: unknown, token?: string): Promise<number> {
  const res = await t.post('/rest/api/PurchaseOrders', body, token)
  if (res.statusCode !== 200) {
    throw new Error(`create failed: ${res.statusCode} ${res.body}`)
  }
  return res.json<{ Id: number }>().Id
}

export async function setServerSettings(t: TestApp, values: Record<string, unknown>) {
  await changeClientSettings(t.db, 0, values)
}

export async function countPoRows(t: TestApp): Promise<{ pos: number; items: number }> {
  const pos = await t.db
    .selectFrom('purchase_order')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const items = await t.db
    .selectFrom('purchase_order_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return { pos: Number(pos.n), items: Number(items.n) }
}
