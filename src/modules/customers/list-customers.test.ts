import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { CustomerDto } from './customers.list.schemas.ts'

// GET /Customers: every Swagger filter, paging, the 400 for filters Crossdock cannot answer, and
// tenant scoping (customers of companies the user cannot see are never listed).

const START = Date.parse('2026-03-01T09:00:00.000Z')
const minute = (n: number) => new Date(START + n * 60_000).toISOString()

for (const dialect of testDialects()) {
  describe(`GET /Customers [${dialect}]`, () => {
    let t: TestApp
    let at = START
    const ids: Record<'ada' | 'bob' | 'cy' | 'dee', number> = { ada: 0, bob: 0, cy: 0, dee: 0 }

    before(async () => {
      t = await createTestApp(dialect, { clock: { now: () => new Date(at) } })
      const make = async (body: Record<string, unknown>) => {
        at += 60_000
        const res = await t.post('/rest/api/Customers', body)
        assert.equal(res.statusCode, 200, res.body)
        return res.json<number>()
      }
      ids.ada = await make({
        CompanyID: 1,
        FirstName: 'Ada',
        LastName: 'Lovelace',
        Email: 'Ada.Zq@Example.com',
        BusinessName: 'Engines Zq Ltd',
        CustomerType: 'Retail',
      })
      ids.bob = await make({
        CompanyID: 1,
        FirstName: 'Bob',
        LastName: 'Zq_Builder',
        Email: 'bob.zq@example.com',
        CustomerType: 'WholeSale',
      })
      ids.cy = await make({ CompanyID: 2, FirstName: 'Cy', LastName: 'Zq%Crane' })
      ids.dee = await make({
        CompanyID: 2,
        FirstName: 'Dee',
        LastName: 'Zqx',
        Email: 'dee@zq.example',
        CustomerType: 0, // create's 0 is WholeSale (the filter's 0 is Retail)
      })
    })
    after(() => t.close())

    const list = async (query: string, token?: string) => {
      const res = await t.get(`/rest/api/Customers?${query}`, token)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Items: Array<Record<string, unknown>>; TotalResults: number }>()
    }
    const idsOf = async (query: string, token?: string) =>
      (await list(query, token)).Items.map((c) => c.UserID)

    it('should require authentication', async () => {
      assert.equal((await t.get('/rest/api/Customers', null)).statusCode, 401)
    })

    it('should list newest first with every CustomerDto key and the total', async () => {
      const page = await list('keyword=zq')
      assert.deepEqual(
        page.Items.map((c) => c.UserID),
        [ids.dee, ids.cy, ids.bob, ids.ada],
      )
      assert.equal(page.TotalResults, 4)
      const ada = page.Items[3]!
      assert.deepEqual(Object.keys(ada).sort(), Object.keys(CustomerDto.properties).sort())
      assert.deepEqual(ada, {
        UserID: ids.ada,
        Email: 'Ada.Zq@Example.com',
        FirstName: 'Ada',
        LastName: 'Lovelace',
        EmailCC: null,
        Rating: 0,
        CorporateName: 'Engines Zq Ltd',
        IsWholeSaleUser: false,
        IsWholesaleString: 'Retail',
        CustomColumns: [],
        CompanyID: 1,
      })
      assert.equal(page.Items[2]!.IsWholesaleString, 'Wholesale')
    })

    it('should page with pageNumber and pageSize (model. prefix too)', async () => {
      const page = await list('keyword=zq&model.pageSize=2&pageNumber=2')
      assert.deepEqual(
        page.Items.map((c) => c.UserID),
        [ids.bob, ids.ada],
      )
      assert.equal(page.TotalResults, 4)
    })

    it('should filter by IDs, e-mail, names and business name', async () => {
      assert.deepEqual(await idsOf(`customerIds=${ids.ada},${ids.cy}`), [ids.cy, ids.ada])
      assert.deepEqual(await idsOf(`model.customerIds=${ids.ada}&model.customerIds=${ids.bob}`), [
        ids.bob,
        ids.ada,
      ])
      assert.deepEqual(await idsOf('email=%20ADA.ZQ@example.COM%20'), [ids.ada])
      assert.deepEqual(await idsOf('email=ada'), [])
      assert.deepEqual(await idsOf('firstName=AD&keyword=zq'), [ids.ada])
      // LIKE wildcards in the text match only themselves.
      assert.deepEqual(await idsOf('lastName=zq_'), [ids.bob])
      assert.deepEqual(await idsOf('lastName=zq%25'), [ids.cy])
      assert.deepEqual(await idsOf('corporateName=engines%20zq'), [ids.ada])
      assert.deepEqual(await idsOf(`keyword=${ids.bob}`), [ids.bob])
    })

    it('should filter by customer type (0 Retail, 1 Wholesale), company and creation date', async () => {
      assert.deepEqual(await idsOf('keyword=zq&customerType=1'), [ids.dee, ids.bob])
      assert.deepEqual(await idsOf('keyword=zq&customerType=Retail'), [ids.cy, ids.ada])
      assert.deepEqual(await idsOf('keyword=zq&companyIds=2'), [ids.dee, ids.cy])
      assert.deepEqual(
        await idsOf(`keyword=zq&createdOnFrom=${minute(2)}&createdOnTo=${minute(3)}`),
        [ids.cy, ids.bob],
      )
      // Customers are never modified, so they were last modified when they were created.
      assert.deepEqual(
        await idsOf(`keyword=zq&modifiedOnFrom=${minute(3)}&createdOnTo=${minute(4)}`),
        [ids.dee, ids.cy],
      )
    })

    it('should match every customer with rating NotRated and none with another rating', async () => {
      assert.deepEqual(await idsOf('keyword=zq&rating=0'), [ids.dee, ids.cy, ids.bob, ids.ada])
      assert.deepEqual(await idsOf('keyword=zq&rating=Satisfied'), [])
    })

    it('should answer 400 naming each filter Crossdock cannot answer', async () => {
      const res = await t.get('/rest/api/Customers?phoneNumber=555&model.city=Paris&channel=1')
      assert.equal(res.statusCode, 400, res.body)
      assert.deepEqual(Object.keys(res.json().ModelState).sort(), [
        'model.channel',
        'model.city',
        'model.phoneNumber',
      ])
      for (const q of ['subscribed=1', 'zipCode=10001', 'exported=0']) {
        const r = await t.get(`/rest/api/Customers?${q}`)
        assert.equal(r.statusCode, 400, q)
      }
      assert.equal((await t.get('/rest/api/Customers?city=')).statusCode, 200)
      assert.equal((await t.get('/rest/api/Customers?customerType=7')).statusCode, 400)
    })

    it("should never list another company's customers", async () => {
      const token = await t.userToken([1])
      assert.deepEqual(await idsOf('keyword=zq', token), [ids.bob, ids.ada])
      assert.deepEqual(await idsOf('keyword=zq&companyIds=2', token), [])
      assert.deepEqual(await idsOf(`customerIds=${ids.cy}`, token), [])
      assert.equal((await list('keyword=zq', token)).TotalResults, 2)
    })
  })
}
