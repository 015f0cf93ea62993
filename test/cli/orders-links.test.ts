import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock orders links [orderId] [--po id]` run as a process against a started server.

for (const dialect of testDialects()) {
  describe(`crossdock orders links [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'clilinks')

    it('should print the link lines of an order or a PO as a table or JSON, and need one of them', async () => {
      const orderId = await cli.sdk.orders.create({
        CustomerDetails: { Email: 'cli-links@example.com', FirstName: 'Cli', LastName: 'Links' },
        OrderDetails: { CompanyID: 1, Channel: 6 },
        Products: [{ ProductID: 'GADGET-PRO', Qty: 3 }],
      })
      const poId = await cli.sdk.orders.linkToPo(orderId, { NewPo: { CompanyID: 1, VendorID: 2 } })

      const table = await cli.run('orders', 'links', String(orderId))
      assert.equal(table.code, 0, table.stderr)
      assert.match(table.stdout, /Order\s+Item\s+SKU\s+PO\s+PO line\s+Units/)
      assert.match(
        table.stdout,
        new RegExp(`${orderId}\\s+\\d+\\s+GADGET-PRO\\s+${poId}\\s+\\d+\\s+3`),
      )

      const json = await cli.run('orders', 'links', '--po', String(poId), '--json')
      assert.equal(json.code, 0, json.stderr)
      const list = JSON.parse(json.stdout) as {
        Items: Array<{ OrderID: number }>
        TotalResults: number
      }
      assert.equal(list.TotalResults, 1)
      assert.equal(list.Items[0]?.OrderID, orderId)

      const neither = await cli.run('orders', 'links')
      assert.equal(neither.code, 1)
      assert.match(neither.stderr, /give an order ID, --po <id>, or both/)
    })
  })
}
