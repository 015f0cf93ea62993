import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { unitBody } from '../helpers/factories.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock po invoice` and `crossdock containers create|list|get|update|items` run as a process
// against a started server, with the SDK methods underneath (setInvoice, shippingContainers.*).

for (const dialect of testDialects()) {
  describe(`crossdock po invoice, containers [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_containers')
    const run = (...args: string[]) => cli.run(...args)
    const setting = async (values: Record<string, boolean>) => {
      const res = await fetch(`${cli.server.url}/admin/settings`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${await cli.sdk.token()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(values),
      })
      assert.equal(res.status, 200, await res.text())
    }

    it('should set a PO invoice through the CLI and the SDK, refused while the workflow is on', async () => {
      const { Id: id } = await cli.sdk.purchaseOrders.create(unitBody() as never)
      const set = await run(
        'po',
        'invoice',
        String(id),
        '--number',
        'INV-CLI',
        '--date',
        '2026-02-03T00:00:00Z',
      )
      assert.equal(set.code, 0, set.stderr)
      assert.match(set.stdout, /invoice INV-CLI/)
      let po = await cli.sdk.purchaseOrders.get(id)
      assert.equal(po.VendorAndInvoice.InvoiceNumber, 'INV-CLI')
      assert.equal(po.VendorAndInvoice.InvoiceDate, '2026-02-03T00:00:00.000Z')
      await cli.sdk.purchaseOrders.setInvoice(id, { InvoiceNumber: 'INV-SDK' })
      po = await cli.sdk.purchaseOrders.get(id)
      assert.equal(po.VendorAndInvoice.InvoiceNumber, 'INV-SDK')
      await setting({ EnableVendorInvoicesWorkflow: true })
      const refused = await run('po', 'invoice', String(id), '--number', 'NO')
      assert.equal(refused.code, 1)
      assert.match(refused.stderr, /EnableVendorInvoicesWorkflow/)
      await setting({ EnableVendorInvoicesWorkflow: false })
    })

    it('should create, list, show, update and fill a container', async () => {
      const off = await run('containers', 'list')
      assert.equal(off.code, 1)
      assert.match(off.stderr, /EnableShippingContainers/)
      await setting({ EnableShippingContainers: true })
      const created = await run(
        'containers',
        'create',
        'MSCU-CLI',
        '--warehouse',
        '1',
        '--status',
        'not shipped',
        '--json',
      )
      assert.equal(created.code, 0, created.stderr)
      const id = JSON.parse(created.stdout).Id as number
      const { Id: poId } = await cli.sdk.purchaseOrders.create(unitBody() as never)
      const itemId = (await cli.sdk.purchaseOrders.get(poId)).Items[0]!.ID
      const filled = await run(
        'containers',
        'items',
        String(id),
        '--po',
        String(poId),
        '--item',
        `${itemId}=4`,
      )
      assert.equal(filled.code, 0, filled.stderr)
      const updated = await run(
        'containers',
        'update',
        String(id),
        '--status',
        'Shipped',
        '--eta',
        '2026-03-01T00:00:00Z',
      )
      assert.equal(updated.code, 0, updated.stderr)
      const shown = await run('containers', 'get', String(id))
      assert.equal(shown.code, 0, shown.stderr)
      assert.match(shown.stdout, /MSCU-CLI/)
      assert.match(shown.stdout, new RegExp(`${poId}\\s+${itemId}\\s+WIDGET-RED\\s+4`))
      const listed = await run('containers', 'list', '--po', String(poId), '--json')
      assert.equal(listed.code, 0, listed.stderr)
      assert.deepEqual(
        JSON.parse(listed.stdout).Items.map((c: { ID: number; ShippingStatus: number }) => [
          c.ID,
          c.ShippingStatus,
        ]),
        [[id, 2]],
      )
      // The SDK underneath.
      const c = await cli.sdk.shippingContainers.get(id)
      assert.equal(c.Details.EstimatedArrivalDate, '2026-03-01T00:00:00.000Z')
      await cli.sdk.shippingContainers.update(id, { GeneralDetails: { Notes: 'sdk' } })
      await cli.sdk.shippingContainers.setItems(id, {
        Items: [{ POID: poId, POItemID: itemId, QtyShipped: 6 }],
      })
      const page = await cli.sdk.shippingContainers.list({ containerNames: ['mscu-cli'] })
      assert.equal(page.TotalResults, 1)
      assert.equal(page.Items[0]!.Notes, 'sdk')
      assert.equal(page.Items[0]!.TotalQtyInContainer, 6)
      assert.equal((await cli.sdk.purchaseOrders.get(poId)).Items[0]!.QtyInContainer, 6)
      const { Id: second } = await cli.sdk.shippingContainers.create({ ContainerName: 'SDK-2' })
      assert.equal((await cli.sdk.shippingContainers.get(second)).Details.ContainerName, 'SDK-2')
    })
  })
}
