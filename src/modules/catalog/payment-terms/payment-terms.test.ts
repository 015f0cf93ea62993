import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/build-app.ts'
import { testDialects } from '../../../../test/helpers/dialects.ts'

for (const dialect of testDialects()) {
  describe(`PaymentTerms [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should require authentication', async () => {
      assert.equal((await t.get('/rest/api/Settings/PaymentTerms', null)).statusCode, 401)
    })

    it('should list payment terms as Key/Value items', async () => {
      const token = await t.userToken([2])
      const res = await t.get('/rest/api/Settings/PaymentTerms', token)
      assert.equal(res.statusCode, 200)
      assert.deepEqual(res.json(), [
        { Key: 1, Value: 'Net 30' },
        { Key: 2, Value: 'Net 60' },
        { Key: 3, Value: 'Due on receipt' },
      ])
    })
  })
}
