import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { countRows } from '../../../test/helpers/factories.ts'
import { systemClock } from '../../shared/clock.ts'
import { getClientSettings } from '../settings/index.ts'
import { loadReferenceData } from './fixtures.service.ts'

const DOC = {
  Companies: [
    { ID: 10, CompanyName: 'File Co', CountryCode: 'GB' },
    { ID: 11, CompanyName: 'Other Co' },
  ],
  Vendors: [{ ID: 20, Name: 'File Vendor', Email: 'v@file.example' }],
  Warehouses: [{ ID: 30, Name: 'File DC', IsDefault: true }],
  PaymentTerms: [{ ID: 40, Name: 'Net 45' }],
  Products: [
    {
      ProductSKU: 'F-KIT',
      CompanyID: 10,
      ProductName: 'Kit',
      KitComponents: [{ ProductSKU: 'F-1', Qty: 2 }],
    },
    { ProductSKU: 'F-1', CompanyID: 10, ProductName: 'One', SiteCost: 1.5, DefaultPrice: 4 },
  ],
  VendorProducts: [{ VendorID: 20, ProductSKU: 'F-1', Price: 1.2 }],
  Users: [
    // The start-up admin is created before the file's users, so the file need not bring one.
    { Username: 'fileuser', Password: 'file-password', CompanyIDs: [11] },
  ],
  Settings: {
    Server: { EnableCaseQty: false, ForceExpectedDeliveryDate: true },
    Companies: { '10': { EnableCaseQty: true } },
  },
}

for (const dialect of testDialects()) {
  describe(`Fixtures file [${dialect}]`, () => {
    let dir: string
    let path: string
    let t: TestApp
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'crossdock-fixtures-'))
      path = join(dir, 'fixtures.json')
      await writeFile(path, JSON.stringify(DOC))
      t = await createTestApp(dialect, { fixturesPath: path })
    })
    after(async () => {
      await t.close()
      await rm(dir, { recursive: true, force: true })
    })

    it('should load the file instead of the demo set', async () => {
      const companies = (await t.get('/rest/api/Companies')).json()
      assert.deepEqual(
        companies.Items.map((c: { ID: number }) => c.ID),
        [10, 11],
      )
      assert.equal((await t.get('/rest/api/Vendors/20')).json().Email, 'v@file.example')
      assert.equal((await t.get('/rest/api/Warehouses/30')).json().General.IsDefault, true)
      assert.deepEqual((await t.get('/rest/api/Settings/PaymentTerms')).json(), [
        { Key: 40, Value: 'Net 45' },
      ])
      const kit = (await t.get('/rest/api/Catalog?sku=F-KIT')).json().Items[0]
      assert.deepEqual(kit.KitComponents, [{ ProductID: 'F-1', ProductName: 'One', Qty: 2 }])
      const token = await t.login('fileuser', 'file-password')
      assert.equal((await t.get('/rest/api/Companies/10', token)).statusCode, 403)
      assert.ok(
        await t.login('admin', ADMIN_PASSWORD),
        'the start-up admin exists beside the file users',
      )
    })

    it('should resolve settings company over server over default', async () => {
      const company = await getClientSettings(t.db, 10)
      const other = await getClientSettings(t.db, 11)
      const server = await getClientSettings(t.db, null)
      assert.equal(company.EnableCaseQty, true) // company override
      assert.equal(other.EnableCaseQty, false) // server-wide
      assert.equal(server.EnableCaseQty, false)
      assert.equal(other.ForceExpectedDeliveryDate, true) // server-wide
      assert.equal(other.EnableLinkingOrderToPO, true) // default
    })

    it('should reload the same file without changing anything', async () => {
      const before = await Promise.all(
        (['company', 'product', 'kit_component', 'app_user'] as const).map((x) =>
          countRows(t.db, x),
        ),
      )
      const report = await loadReferenceData(t.db, systemClock, path)
      assert.equal(report.source, 'fixtures')
      const afterCounts = await Promise.all(
        (['company', 'product', 'kit_component', 'app_user'] as const).map((x) =>
          countRows(t.db, x),
        ),
      )
      assert.deepEqual(afterCounts, before)
      // Users that exist keep their password.
      await t.login('fileuser', 'file-password')
      assert.equal((await getClientSettings(t.db, 10)).EnableCaseQty, true)
    })

    it('should refuse to start with an invalid file', async () => {
      const bad = join(dir, 'bad.json')
      await writeFile(bad, JSON.stringify({ Products: [{ ProductSKU: 'X', CompanyID: 1 }] }))
      await assert.rejects(
        createTestApp(dialect, { fixturesPath: bad }),
        /CROSSDOCK_FIXTURES|ProductName/,
      )
      const dangling = join(dir, 'dangling.json')
      await writeFile(
        dangling,
        JSON.stringify({ Products: [{ ProductSKU: 'X', CompanyID: 77, ProductName: 'X' }] }),
      )
      await assert.rejects(createTestApp(dialect, { fixturesPath: dangling }), /CompanyID/)
      const notJson = join(dir, 'broken.json')
      await writeFile(notJson, '{ nope')
      await assert.rejects(createTestApp(dialect, { fixturesPath: notJson }), /cannot read/)
    })
  })
}
