import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import Fastify from 'fastify'
import { registerErrorHandling } from '../../src/wire/error-handler.ts'
import { createTokenService } from '../../src/modules/auth/tokens.ts'
import { fixedClock, systemClock } from '../../src/shared/clock.ts'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'

const SECRET = 'conventions-test-secret-0123456789'

function noStack(body: string): void {
  assert.doesNotMatch(body, /\bat .+\.(ts|js):\d+/)
  assert.doesNotMatch(body, /"stack"/i)
}

for (const dialect of testDialects()) {
  describe(`HTTP conventions [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect, { config: { jwtSecret: SECRET, bodyLimitBytes: 4096 } })
    })
    after(() => t.close())

    it('should answer malformed JSON with a 400 naming the problem, never a 500', async () => {
      const res = await t.request('POST', '/rest/api/token', '{"Username": "admin",')
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().Code, 'MALFORMED_JSON')
      noStack(res.body)
    })

    it('should refuse prototype-poisoning bodies with a 400', async () => {
      const res = await t.request(
        'POST',
        '/rest/api/token',
        '{"Username":"a","Password":"b","__proto__":{"x":1}}',
      )
      assert.equal(res.statusCode, 400)
      noStack(res.body)
    })

    it('should answer an oversized body with 413', async () => {
      const res = await t.post('/rest/api/token', {
        Username: 'admin',
        Password: 'x'.repeat(10_000),
      })
      assert.equal(res.statusCode, 413)
      assert.equal(res.json().Code, 'PAYLOAD_TOO_LARGE')
    })

    it('should answer an unsupported media type with 415', async () => {
      const res = await t.request('POST', '/rest/api/token', 'Username=admin', null, {
        'content-type': 'text/plain',
      })
      assert.equal(res.statusCode, 415)
      assert.equal(res.json().Code, 'UNSUPPORTED_MEDIA_TYPE')
    })

    it('should answer unknown routes with a JSON 404, with or without a token', async () => {
      for (const token of [null, t.adminToken]) {
        const res = await t.get('/rest/api/NoSuchThing', token)
        assert.equal(res.statusCode, 404)
        assert.equal(res.json().Code, 'ROUTE_NOT_FOUND')
        assert.match(res.json().Message, /No HTTP resource was found/)
      }
    })

    it('should generate an X-Request-Id, or echo a well-formed incoming one', async () => {
      const generated = await t.get('/health', null)
      assert.match(String(generated.headers['x-request-id']), /^[0-9a-f-]{36}$/)
      const echoed = await t.request('GET', '/health', undefined, null, {
        'x-request-id': 'abc-123',
      })
      assert.equal(echoed.headers['x-request-id'], 'abc-123')
      const refused = await t.request('GET', '/health', undefined, null, {
        'x-request-id': 'bad id with spaces',
      })
      assert.notEqual(refused.headers['x-request-id'], 'bad id with spaces')
    })

    it('should issue tokens from JSON in any property case, and report ignored properties', async () => {
      const res = await t.post(
        '/rest/api/token',
        { USERNAME: 'admin', password: ADMIN_PASSWORD, Remember: true },
        null,
      )
      assert.equal(res.statusCode, 200)
      const body = res.json()
      assert.equal(body.token_type, 'Bearer')
      assert.equal(body.username, 'admin')
      assert.equal(body.expires_in, 3600)
      assert.equal(Date.parse(body['.expires']) - Date.parse(body['.issued']), 3600_000)
      assert.equal(res.headers['x-crossdock-ignored-properties'], 'Remember')
    })

    it('should issue tokens from text/json and form-urlencoded bodies', async () => {
      const textJson = await t.request(
        'POST',
        '/rest/api/token',
        JSON.stringify({ Username: 'admin', Password: ADMIN_PASSWORD }),
        null,
        {
          'content-type': 'text/json',
        },
      )
      assert.equal(textJson.statusCode, 200)
      const form = await t.request(
        'POST',
        '/rest/api/token',
        `grant_type=password&username=admin&password=${encodeURIComponent(ADMIN_PASSWORD)}`,
        null,
        {
          'content-type': 'application/x-www-form-urlencoded',
        },
      )
      assert.equal(form.statusCode, 200)
      assert.ok(form.json().access_token)
    })

    it('should answer bad credentials with the OWIN invalid_grant body', async () => {
      for (const body of [
        { Username: 'admin', Password: 'wrong' },
        { Username: 'nobody', Password: ADMIN_PASSWORD },
      ]) {
        const res = await t.post('/rest/api/token', body, null)
        assert.equal(res.statusCode, 400)
        assert.deepEqual(res.json(), {
          error: 'invalid_grant',
          error_description: 'The user name or password is incorrect.',
        })
      }
    })

    it('should name a missing credential field in ModelState', async () => {
      const res = await t.post('/rest/api/token', { Username: 'admin' }, null)
      assert.equal(res.statusCode, 400)
      assert.deepEqual(res.json().ModelState, {
        'model.Password': ['The Password field is required.'],
      })
    })

    it('should refuse expired, foreign, tampered and unsigned tokens with 401', async () => {
      const user = { id: 1, username: 'admin', isAdmin: true, companyIds: null }
      const expired = createTokenService(SECRET, 60, fixedClock('2020-01-01T00:00:00Z')).issue(
        user,
        1,
      ).token
      const foreign = createTokenService('another-secret-of-enough-length', 60, systemClock).issue(
        user,
        1,
      ).token
      const [header, payload, signature] = t.adminToken.split('.')
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<
        string,
        unknown
      >
      const tampered = [
        header,
        Buffer.from(JSON.stringify({ ...claims, cmp: [1] })).toString('base64url'),
        signature,
      ].join('.')
      const none = [
        Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
        payload,
        '',
      ].join('.')
      for (const token of [expired, foreign, tampered, none, 'not-a-jwt']) {
        const res = await t.get('/rest/api/Companies', token)
        assert.equal(res.statusCode, 401, token)
        assert.deepEqual(res.json(), {
          Message: 'Authorization has been denied for this request.',
          Code: 'UNAUTHORIZED',
        })
      }
      const wrongScheme = await t.request('GET', '/rest/api/Companies', undefined, null, {
        authorization: `Basic ${t.adminToken}`,
      })
      assert.equal(wrongScheme.statusCode, 401)
    })

    it('should match routes case-insensitively', async () => {
      assert.equal((await t.get('/REST/API/companies')).statusCode, 200)
    })

    it('should report liveness and readiness without a token', async () => {
      assert.deepEqual((await t.get('/health', null)).json(), { Status: 'ok' })
      assert.deepEqual((await t.get('/ready', null)).json().Status, 'ready')
    })

    it('should serve the OpenAPI document and Swagger UI', async () => {
      const doc = (await t.get('/rest/openapi.json', null)).json()
      assert.equal(doc.openapi, '3.0.3')
      assert.ok(doc.paths['/rest/api/token'].post)
      assert.ok(doc.paths['/rest/api/Companies'].get.responses['200'])
      assert.ok(doc.paths['/rest/api/Companies/{id}'].get.responses['404'])
      assert.equal(
        doc.paths['/api/Companies'],
        undefined,
        'the /api alias stays out of the document',
      )
      const ui = await t.get('/rest/swagger/', null)
      assert.equal(ui.statusCode, 200)
      assert.match(ui.headers['content-type'] as string, /text\/html/)
      assert.deepEqual(
        (await t.get('/rest/swagger/json', null)).json().paths['/rest/api/token'] !== undefined,
        true,
      )
    })
  })
}

describe('error handler', () => {
  it('should answer unexpected errors with a generic 500 and the request id, never the details', async () => {
    const app = Fastify()
    registerErrorHandling(app)
    app.get('/boom', async () => {
      throw new Error('secret detail from deep inside')
    })
    const res = await app.inject({ method: 'GET', url: '/boom' })
    assert.equal(res.statusCode, 500)
    const body = res.json()
    assert.equal(body.Message, 'An error has occurred.')
    assert.equal(body.Code, 'INTERNAL')
    assert.ok(body.RequestId)
    assert.doesNotMatch(res.body, /secret detail/)
    noStack(res.body)
    await app.close()
  })
})
