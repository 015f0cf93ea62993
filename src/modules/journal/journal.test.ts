import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { JournalOptions } from './journal.types.ts'
import type { Clock } from '../../shared/clock.ts'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { countRows, unitBody } from '../../../test/helpers/factories.ts'

interface Entry {
  Id: number
  RequestId: string
  Time: string
  User: string | null
  UserID: number | null
  TokenExpiresAt: string | null
  Ip: string
  Method: string
  Path: string
  Query: string | null
  Status: number
  DurationMs: number
  RequestHeaders: Record<string, string> | null
  RequestBody: string | null
  RequestBodyBytes: number | null
  RequestBodyTruncated: boolean
  ResponseBody: string | null
  ResponseBodyBytes: number | null
  ResponseBodyTruncated: boolean
  IgnoredProperties: string | null
  CoercedProperties: string | null
  Fault: string | null
}

/** A clock tests move by hand. */
function movableClock(iso: string): Clock & { advance(ms: number): void } {
  let at = new Date(iso).getTime()
  return { now: () => new Date(at), advance: (ms) => (at += ms) }
}

const journalOn = (over: Partial<JournalOptions> = {}) => ({
  config: {
    journal: {
      enabled: true,
      maxRows: 100_000,
      maxAgeMs: 86_400_000,
      bodyLimitBytes: 65_536,
      ...over,
    },
  },
})

for (const dialect of testDialects()) {
  describe(`request journal [${dialect}]`, () => {
    let t: TestApp
    const list = async (query = '') => {
      const res = await t.get(`/admin/requests${query}`)
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Items: Entry[]; TotalResults: number }>()
    }
    before(async () => {
      t = await createTestApp(dialect, journalOn({ bodyLimitBytes: 2000 }))
    })
    after(() => t.close())

    it('should record a request with its user, token expiry, bodies, ignored and coerced properties', async () => {
      const body = { ...unitBody({ VendorID: '1' }), NotAField: 1 }
      const res = await t.post('/rest/api/PurchaseOrders?x=1', body)
      assert.equal(res.statusCode, 200, res.body)
      const { Items } = await list(`?requestId=${res.headers['x-request-id'] as string}`)
      assert.equal(Items.length, 1)
      const e = Items[0]!
      assert.equal(e.Method, 'POST')
      assert.equal(e.Path, '/rest/api/PurchaseOrders')
      assert.equal(e.Query, 'x=1')
      assert.equal(e.Status, 200)
      assert.equal(e.User, 'admin')
      assert.equal(e.UserID, 1)
      assert.ok(e.TokenExpiresAt !== null && Date.parse(e.TokenExpiresAt) > Date.now())
      assert.equal(e.Ip, '127.0.0.1')
      assert.ok(e.DurationMs > 0)
      assert.deepEqual(JSON.parse(e.RequestBody!), body, 'the body as sent, before the binding')
      assert.equal(e.RequestBodyTruncated, false)
      assert.equal(e.ResponseBody, res.body)
      assert.equal(e.RequestHeaders?.['content-type'], 'application/json')
      assert.equal(e.RequestHeaders?.authorization, undefined)
      assert.match(e.IgnoredProperties ?? '', /NotAField/)
      assert.match(e.CoercedProperties ?? '', /VendorID/)
      assert.equal(e.Fault, null)
      const one = await t.get(`/admin/requests/${e.Id}`)
      assert.equal(one.statusCode, 200)
      assert.deepEqual(one.json(), e)
      const missing = await t.get('/admin/requests/999999')
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.json().Code, 'NOT_FOUND')
    })

    it('should record refusals without a user, and not record its own reads', async () => {
      const refused = await t.get('/rest/api/Orders/1', null)
      assert.equal(refused.statusCode, 401)
      const userToken = await t.userToken(null)
      assert.equal((await t.get('/admin/users', userToken)).statusCode, 403)
      const { Items } = await list('?statusClass=4xx&pageSize=200')
      const e = Items.find((i) => i.RequestId === refused.headers['x-request-id'])
      assert.ok(e !== undefined)
      assert.equal(e.User, null)
      assert.equal(e.TokenExpiresAt, null)
      assert.equal(e.Status, 401)
      const forbidden = Items.find((i) => i.Status === 403 && i.Path === '/admin/users')
      assert.ok(forbidden !== undefined, 'an admin route refused to a non-admin is recorded')
      assert.equal(forbidden.User, null, 'the auth hook refused it before setting the user')
      const all = await list('?pageSize=200')
      assert.ok(
        all.Items.every(
          (i) => !(i.Method === 'GET' && i.Path.startsWith('/admin/requests') && i.Status === 200),
        ),
        'the journal does not record its own reads',
      )
    })

    it('should keep the text of a body that could not be parsed, unless it names a secret', async () => {
      const broken = '{"CompanyID": 1, "Products": [}'
      const res = await t.post('/rest/api/PurchaseOrders', broken)
      assert.equal(res.statusCode, 400)
      const withSecret = '{"Username": "admin", "Password": "hunter22'
      const refusedLogin = await t.post('/rest/api/token', withSecret, null)
      assert.equal(refusedLogin.statusCode, 400)
      const { Items } = await list('?statusClass=4&pageSize=200')
      const entry = Items.find((i) => i.RequestId === res.headers['x-request-id'])
      assert.equal(entry?.RequestBody, broken, 'what the client sent, to see why it was refused')
      const login = Items.find((i) => i.RequestId === refusedLogin.headers['x-request-id'])
      assert.ok(login !== undefined)
      assert.doesNotMatch(login.RequestBody ?? '', /hunter22/)
      assert.match(login.RequestBody ?? '', /not kept/)
      assert.equal(login.RequestBodyBytes, Buffer.byteLength(withSecret))
      assert.equal(login.RequestBodyTruncated, true)
    })

    it('should keep a JSON body byte for byte as sent, and redact a secret key written with escapes', async () => {
      const sent = '{\n  "CompanyID" : 1,\n  "Products": [ ],\n  "Amount": 1.50\n}'
      const res = await t.post('/rest/api/PurchaseOrders', sent)
      const escaped = '{"Username":"admin","Pass\\u0077ord":"hunter22-escaped"}'
      const login = await t.post('/rest/api/token', escaped, null)
      const { Items } = await list('?pageSize=200')
      const entry = Items.find((i) => i.RequestId === res.headers['x-request-id'])
      assert.equal(
        entry?.RequestBody,
        sent,
        'spacing, key order and number texts as the client wrote them',
      )
      const stored = Items.find((i) => i.RequestId === login.headers['x-request-id'])
      assert.ok(stored !== undefined)
      assert.doesNotMatch(stored.RequestBody ?? '', /hunter22/)
      assert.match(stored.RequestBody ?? '', /"Password":"\*\*\*"/)
    })

    it('should filter by method, path prefix, status, class, user, time and request id, newest first, paged', async () => {
      const poId = (await t.post('/rest/api/PurchaseOrders', unitBody())).json<{ Id: number }>().Id
      await t.request('DELETE', '/admin/requests', undefined, t.adminToken)
      const before = new Date(Date.now() - 1000).toISOString()
      for (let i = 0; i < 5; i += 1) {
        await t.get(`/rest/api/PurchaseOrders/${i === 4 ? 999999 : poId}`)
      }
      await t.get('/api/Companies')
      const pos = await list('?path=/REST/API/purchaseorders&pageSize=2')
      assert.equal(pos.TotalResults, 5)
      assert.equal(pos.Items.length, 2)
      assert.ok(pos.Items[0]!.Id > pos.Items[1]!.Id, 'newest first')
      assert.equal(pos.Items[0]!.Status, 404)
      const page3 = await list('?path=/rest/api/PurchaseOrders&pageSize=2&pageNumber=3')
      assert.equal(page3.Items.length, 1)
      assert.equal((await list('?status=404')).TotalResults, 1)
      assert.equal((await list('?statusClass=4')).TotalResults, 1)
      assert.equal((await list('?statusClass=2xx')).TotalResults, 4 + 1 + 1, 'and the DELETE')
      assert.equal((await list('?method=delete')).TotalResults, 1)
      assert.equal((await list('?user=ADMIN')).TotalResults, 7)
      assert.equal((await list('?user=nobody')).TotalResults, 0)
      assert.equal((await list('?path=/api/')).TotalResults, 1)
      assert.equal((await list('?path=%25')).TotalResults, 0, 'LIKE wildcards are literal')
      assert.equal((await list(`?since=${before}`)).TotalResults, 7)
      assert.equal((await list(`?until=${before}`)).TotalResults, 0)
      const oldest = await list('?order=oldest&pageSize=1')
      assert.equal(oldest.Items[0]!.Method, 'DELETE')
      const after = await list(`?afterId=${oldest.Items[0]!.Id}&order=oldest&pageSize=200`)
      assert.equal(after.TotalResults, 6)
      assert.equal((await t.get('/admin/requests?statusClass=6')).statusCode, 400)
    })

    it('should cut bodies at the configured size, keeping their size', async () => {
      const long = 'x'.repeat(3000)
      const res = await t.post('/rest/api/PurchaseOrders', unitBody({ PublicNotes: long }))
      const { Items } = await list(`?requestId=${res.headers['x-request-id'] as string}`)
      const e = Items[0]!
      assert.equal(e.RequestBodyTruncated, true)
      assert.ok(Buffer.byteLength(e.RequestBody!) <= 2000)
      assert.ok(e.RequestBodyBytes! > 3000)
      const big = await t.get('/rest/api/PurchaseOrders?pageSize=50')
      const listed = (await list(`?requestId=${big.headers['x-request-id'] as string}`)).Items[0]!
      assert.equal(listed.ResponseBodyBytes, Buffer.byteLength(big.body))
      assert.equal(listed.ResponseBodyTruncated, big.body.length > 2000)
    })

    it('should never store a password or a token', async () => {
      const login = await t.post(
        '/rest/api/token',
        { username: 'admin', PASSWORD: ADMIN_PASSWORD },
        null,
      )
      assert.equal(login.statusCode, 200)
      const token = login.json<{ access_token: string }>().access_token
      await t.request(
        'POST',
        '/rest/api/token',
        `username=admin&password=${ADMIN_PASSWORD}&grant_type=password`,
        null,
        {
          'content-type': 'application/x-www-form-urlencoded',
        },
      )
      await t.post('/admin/users', {
        Username: 'journal-user',
        Password: 'Journal-Secret-9',
        CompanyIDs: [1],
      })
      await t.get('/rest/api/Orders/1', token)
      const { Items } = await list('?path=/rest/api/token')
      assert.ok(Items.length >= 2)
      assert.match(Items[0]!.RequestBody!, /"password":"\*\*\*"/)
      assert.match(Items[1]!.ResponseBody!, /"access_token":"\*\*\*"/)
      const rows = await t.app.requestJournal.db.selectFrom('request_journal').selectAll().execute()
      const text = JSON.stringify(rows)
      for (const secret of [ADMIN_PASSWORD, 'Journal-Secret-9', token, token.split('.')[2]!]) {
        assert.ok(!text.includes(secret), `the journal holds ${secret.slice(0, 6)}…`)
      }
    })
  })

  describe(`request journal retention and switches [${dialect}]`, () => {
    it('should keep at most the configured rows and drop rows older than the max age', async () => {
      const clock = movableClock('2026-06-01T00:00:00Z')
      const t = await createTestApp(dialect, {
        clock,
        ...journalOn({ maxRows: 5, maxAgeMs: 60_000 }),
      })
      try {
        for (let i = 0; i < 12; i += 1) {
          await t.get('/rest/api/Companies')
        }
        await t.app.requestJournal.flush()
        await t.app.requestJournal.prune()
        const kept = await t.app.requestJournal.db
          .selectFrom('request_journal')
          .select('id')
          .orderBy('id')
          .execute()
        assert.equal(kept.length, 5)
        clock.advance(61_000)
        await t.get('/rest/api/Warehouses')
        await t.app.requestJournal.flush()
        assert.equal(await t.app.requestJournal.prune(), 5)
        const left = await t.app.requestJournal.db
          .selectFrom('request_journal')
          .select(['path', 'time'])
          .execute()
        assert.deepEqual(left, [{ path: '/rest/api/Warehouses', time: '2026-06-01T00:01:01.000Z' }])
      } finally {
        await t.close()
      }
    })

    it('should record nothing with CROSSDOCK_JOURNAL=off, and still answer its routes', async () => {
      const t = await createTestApp(dialect, journalOn({ enabled: false }))
      try {
        await t.get('/rest/api/Companies')
        const res = await t.get('/admin/requests')
        assert.equal(res.statusCode, 200)
        assert.equal(res.json().TotalResults, 0)
        await t.app.requestJournal.flush()
        assert.equal(await countRows(t.app.requestJournal.db, 'request_journal'), 0)
      } finally {
        await t.close()
      }
    })

    it('should write what is queued when the app closes', async () => {
      const t = await createTestApp(dialect, journalOn())
      try {
        for (let i = 0; i < 3; i += 1) {
          await t.get('/rest/api/Companies')
        }
        await t.app.close()
        const rows = await t.app.requestJournal.db
          .selectFrom('request_journal')
          .select('path')
          .execute()
        assert.equal(rows.filter((r) => r.path === '/rest/api/Companies').length, 3)
      } finally {
        await t.close()
      }
    })
  })
}
