import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import {
  countRows,
  linkExistingPoBody,
  linkItem,
  linkNewPoBody,
  orderBody,
  orderLine,
  poLine,
  productBody,
  unitBody,
} from '../helpers/factories.ts'

// Tenant isolation in references: a user limited to company 2 who names a company-1 record inside a
// request body (a customer by ID or by e-mail, a PO, a product, a kit component, a company) is
// answered exactly as if the record did not exist: same status, Code and Message, and ModelState
// (the echoed reference aside). docs/compat.md, "Tenant isolation".

const UNKNOWN_ID = 987_654
const UNKNOWN_SKU = 'NO-SUCH-SKU'

/** Status and body, with the reference the request named replaced by a placeholder. */
function answer(res: LightMyRequestResponse, reference: string | number) {
  const pattern =
    typeof reference === 'number'
      ? new RegExp(`\\b${reference}\\b`, 'g')
      : new RegExp(reference.replace(/[-]/g, '\\-'), 'g')
  return { status: res.statusCode, body: JSON.parse(res.body.replace(pattern, '#')) as unknown }
}

for (const dialect of testDialects()) {
  describe(`tenant isolation in references [${dialect}]`, () => {
    let t: TestApp
    let limited: string
    let customerOfCompany1: number
    let poOfCompany1: number

    const orderFor2 = (
      customer: Record<string, unknown>,
      products = [orderLine('MUG-CERAMIC', 2)],
    ) =>
      orderBody(products, {
        customer: { FirstName: 'Lim', LastName: 'Ited', ...customer },
        details: { CompanyID: 2 },
      })

    before(async () => {
      t = await createTestApp(dialect)
      limited = await t.userToken([2])
      const customer = await t.post('/rest/api/Customers', {
        CompanyID: 1,
        FirstName: 'One',
        Email: 'one@company1.example',
      })
      assert.equal(customer.statusCode, 200, customer.body)
      customerOfCompany1 = customer.json<number>()
      const po = await t.post('/rest/api/PurchaseOrders', unitBody())
      assert.equal(po.statusCode, 200, po.body)
      poOfCompany1 = po.json<{ Id: number }>().Id
    })
    after(() => t.close())

    it("should refuse another company's customer ID as if it did not exist", async () => {
      const orders = await countRows(t.db, 'sales_order')
      const foreign = await t.post(
        '/rest/api/Orders',
        orderFor2({ ID: customerOfCompany1, Email: 'x@company2.example' }),
        limited,
      )
      const unknown = await t.post(
        '/rest/api/Orders',
        orderFor2({ ID: UNKNOWN_ID, Email: 'x@company2.example' }),
        limited,
      )
      assert.equal(foreign.statusCode, 400, foreign.body)
      assert.deepEqual(foreign.json().ModelState, {
        'model.CustomerDetails.ID': [`Customer ${customerOfCompany1} does not exist.`],
      })
      assert.deepEqual(answer(foreign, customerOfCompany1), answer(unknown, UNKNOWN_ID))
      assert.equal(await countRows(t.db, 'sales_order'), orders, 'nothing written')
    })

    it("should never match another company's customer by e-mail: a new customer of the order's company instead", async () => {
      const res = await t.post(
        '/rest/api/Orders',
        orderFor2({ Email: ' ONE@company1.example ' }),
        limited,
      )
      assert.equal(res.statusCode, 200, res.body)
      const order = (await t.get(`/rest/api/Orders/${res.json<number>()}`)).json()
      const customerId = order.OrderDetails.CustomerID as number
      assert.notEqual(customerId, customerOfCompany1)
      const customer = (await t.get(`/rest/api/Customers/${customerId}`)).json()
      assert.equal(customer.Internal.CompanyID, 2)
      assert.equal(customer.General.Email, 'ONE@company1.example')

      // The next order with that e-mail matches the company-2 customer just created.
      const again = await t.post(
        '/rest/api/Orders',
        orderFor2({ Email: 'one@company1.example' }),
        limited,
      )
      assert.equal(again.statusCode, 200, again.body)
      const second = (await t.get(`/rest/api/Orders/${again.json<number>()}`)).json()
      assert.equal(second.OrderDetails.CustomerID, customerId)
    })

    it("should let POST /Customers reuse an e-mail only another company's customer has", async () => {
      const own = await t.post('/rest/api/Customers', {
        CompanyID: 1,
        FirstName: 'Solo',
        Email: 'solo@company1.example',
      })
      assert.equal(own.statusCode, 200, own.body)
      const created = await t.post(
        '/rest/api/Customers',
        { CompanyID: 2, FirstName: 'Two', Email: 'Solo@company1.example' },
        limited,
      )
      assert.equal(created.statusCode, 200, created.body)
      assert.doesNotMatch(created.body, new RegExp(`\\b${own.json<number>()}\\b`))
      const customer = (await t.get(`/rest/api/Customers/${created.json<number>()}`)).json()
      assert.equal(customer.Internal.CompanyID, 2)
      // Within the user's own companies the e-mail is still taken.
      const dup = await t.post(
        '/rest/api/Customers',
        { CompanyID: 2, FirstName: 'Three', Email: 'SOLO@company1.example' },
        limited,
      )
      assert.equal(dup.statusCode, 400, dup.body)
      assert.match(
        dup.json().ModelState['model.Email'][0],
        new RegExp(`customer ${created.json()}`),
      )
    })

    it("should answer another company's product in an order, a PO and a kit as an unknown SKU", async () => {
      const inOrder = (sku: string) =>
        t.post(
          '/rest/api/Orders',
          orderFor2({ Email: 'p@company2.example' }, [orderLine(sku, 1)]),
          limited,
        )
      const order = await inOrder('WIDGET-RED')
      assert.equal(order.statusCode, 400, order.body)
      assert.deepEqual(order.json().ModelState, {
        'model.Products[0].ProductID': ['Product WIDGET-RED does not exist.'],
      })
      assert.deepEqual(answer(order, 'WIDGET-RED'), answer(await inOrder(UNKNOWN_SKU), UNKNOWN_SKU))

      const inPo = (sku: string) =>
        t.post(
          '/rest/api/PurchaseOrders',
          unitBody({ CompanyID: 2, Products: [poLine(sku, 1, 1)] }),
          limited,
        )
      const po = await inPo('WIDGET-RED')
      assert.equal(po.statusCode, 400, po.body)
      assert.deepEqual(po.json().ModelState['model.Products[0].ProductID'], [
        'Product WIDGET-RED was not found.',
      ])
      assert.deepEqual(answer(po, 'WIDGET-RED'), answer(await inPo(UNKNOWN_SKU), UNKNOWN_SKU))

      const inKit = (sku: string, n: number) =>
        t.post(
          '/rest/api/Products',
          productBody(`TENANT-KIT-${n}`, {
            CompanyId: 2,
            ProductTypeName: 'Kits',
            KitComponents: [{ ProductSKU: sku, Qty: 1 }],
          }),
          limited,
        )
      const kit = await inKit('WIDGET-RED', 1)
      assert.equal(kit.statusCode, 400, kit.body)
      assert.deepEqual(
        answer(kit, 'WIDGET-RED').body,
        answer(await inKit(UNKNOWN_SKU, 1), UNKNOWN_SKU).body,
      )

      // A user who can see company 1 is still told where the product belongs.
      const admin = await t.post(
        '/rest/api/Orders',
        orderFor2({ Email: 'p@company2.example' }, [orderLine('WIDGET-RED', 1)]),
      )
      assert.match(
        admin.json().ModelState['model.Products[0].ProductID'][0],
        /belongs to company 1/,
      )
    })

    it("should answer another company's PO in LinkToPo as a PO that does not exist", async () => {
      const created = await t.post(
        '/rest/api/Orders',
        orderFor2({ Email: 'link@company2.example' }),
        limited,
      )
      assert.equal(created.statusCode, 200, created.body)
      const orderId = created.json<number>()
      const itemId = (await t.get(`/rest/api/Orders/${orderId}`)).json().OrderItems[0].ID as number
      const linkTo = (poId: number, token?: string) =>
        t.post(
          `/rest/api/Orders/${orderId}/LinkToPo`,
          linkExistingPoBody(poId, [linkItem(itemId, 1)]),
          token,
        )
      const links = await countRows(t.db, 'dropship_link')
      const foreign = await linkTo(poOfCompany1, limited)
      assert.equal(foreign.statusCode, 400, foreign.body)
      assert.deepEqual(foreign.json().ModelState, {
        'model.ExistingPo.PoID': [`Purchase order ${poOfCompany1} does not exist.`],
      })
      assert.deepEqual(
        answer(foreign, poOfCompany1),
        answer(await linkTo(UNKNOWN_ID, limited), UNKNOWN_ID),
      )
      assert.equal(await countRows(t.db, 'dropship_link'), links, 'nothing linked')
      // The admin sees both companies and is told why.
      assert.match((await linkTo(poOfCompany1)).body, /belongs to company 1/)
    })

    it('should answer a company the user cannot see alike whether it exists or not', async () => {
      const cases: Array<[string, (company: number) => Promise<LightMyRequestResponse>]> = [
        [
          'POST /Orders',
          (company) =>
            t.post(
              '/rest/api/Orders',
              orderBody([orderLine('MUG-CERAMIC', 1)], { details: { CompanyID: company } }),
              limited,
            ),
        ],
        [
          'POST /Customers',
          (company) =>
            t.post('/rest/api/Customers', { CompanyID: company, FirstName: 'C' }, limited),
        ],
        [
          'LinkToPo NewPo.CompanyID',
          async (company) => {
            const orderId = (
              await t.post('/rest/api/Orders', orderFor2({ Email: 'np@company2.example' }), limited)
            ).json<number>()
            const itemId = (await t.get(`/rest/api/Orders/${orderId}`)).json().OrderItems[0].ID
            return t.post(
              `/rest/api/Orders/${orderId}/LinkToPo`,
              linkNewPoBody(1, [linkItem(itemId, 1)], company),
              limited,
            )
          },
        ],
      ]
      for (const [what, send] of cases) {
        const existing = await send(1)
        assert.equal(existing.statusCode, 403, `${what}: ${existing.body}`)
        assert.deepEqual(answer(existing, 1), answer(await send(UNKNOWN_ID), UNKNOWN_ID), what)
      }
    })
  })
}
