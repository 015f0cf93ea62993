import type { TestApp } from './build-app.ts'
import { countRows } from './factories.ts'
import { changeClientSettings } from '../../src/modules/settings/index.ts'

// Shared by the purchase-order test files (not a test file itself). Bodies: ./factories.ts.

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
  return {
    pos: await countRows(t.db, 'purchase_order'),
    items: await countRows(t.db, 'purchase_order_item'),
  }
}
