import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { escapeHtml } from '../../src/app/landing.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'

// GET / names where things are (HTML for people, JSON for tools), no token needed; Swagger UI
// carries the Crossdock brand; /health and /ready say in the OpenAPI document that they need none.

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version

for (const dialect of testDialects()) {
  describe(`landing page, Swagger UI brand, public operations [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should answer GET / with JSON naming the API base, Swagger UI, the OpenAPI document and the version', async () => {
      const res = await t.request('GET', '/', undefined, null, {
        accept: 'application/json',
        host: 'crossdock.test:8443',
      })
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^application\/json/)
      assert.match(String(res.headers.vary), /Accept/)
      assert.deepEqual(res.json(), {
        Name: 'Crossdock',
        Version: VERSION,
        ApiBase: 'http://crossdock.test:8443/rest/api',
        SwaggerUi: 'http://crossdock.test:8443/rest/swagger',
        OpenApi: 'http://crossdock.test:8443/rest/openapi.json',
        Console: 'http://crossdock.test:8443/console',
      })
    })

    it('should answer browsers (and curl) with a small HTML page with working links, no external assets', async () => {
      for (const accept of ['text/html,application/xhtml+xml,*/*;q=0.8', '*/*', undefined]) {
        const res = await t.request(
          'GET',
          '/',
          undefined,
          null,
          accept === undefined ? {} : { accept },
        )
        assert.equal(res.statusCode, 200)
        assert.match(String(res.headers['content-type']), /^text\/html/)
        assert.match(res.body, /<title>Crossdock /)
        assert.ok(res.body.includes(VERSION))
        for (const path of ['/rest/api', '/rest/swagger', '/rest/openapi.json', '/console']) {
          assert.ok(res.body.includes(`href="http://localhost:80${path}"`), path)
        }
        assert.doesNotMatch(res.body, /<(script|link|img)\b/, 'nothing fetched from elsewhere')
        assert.ok(res.body.length < 4000, `${res.body.length} bytes`)
      }
      const links = await t.get('/rest/openapi.json', null)
      assert.equal(links.statusCode, 200)
    })

    it('should escape what comes from the request (the Host header) in the page', async () => {
      const res = await t.request('GET', '/', undefined, null, { host: 'x"><b>hi</b>' })
      assert.equal(res.statusCode, 200)
      assert.doesNotMatch(res.body, /<b>hi<\/b>/)
      assert.equal(
        escapeHtml(`<a href="x">'&'</a>`),
        '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
      )
    })

    it('should brand Swagger UI: the title "Crossdock API", the Crossdock logo and icon served by us', async () => {
      const page = await t.get('/rest/swagger', null)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<title>Crossdock API<\/title>/)
      const icon = /href="([^"]*theme\/crossdock\.svg)"/.exec(page.body)
      assert.ok(icon, 'the page links our icon')
      const svg = await t.get('/rest/swagger/static/theme/crossdock.svg', null)
      assert.equal(svg.statusCode, 200)
      assert.match(svg.body, /^<svg [^>]*aria-label="Crossdock"/)
      const init = await t.get('/rest/swagger/static/swagger-initializer.js', null)
      assert.equal(init.statusCode, 200)
      const logo = Buffer.from(svg.body).toString('base64')
      assert.ok(init.body.includes(`data:image/svg+xml;base64,${logo}`), 'the logo is ours, inline')
      assert.doesNotMatch(page.body, /(src|href)="https?:/, 'no CDN: every asset is ours')
    })

    it('should mark /health and /ready as needing no token in the OpenAPI document', async () => {
      const doc = (await t.get('/rest/openapi.json', null)).json<{
        info: { version: string }
        security: unknown[]
        paths: Record<string, Record<string, { security?: unknown[]; description?: string }>>
      }>()
      assert.equal(doc.info.version, VERSION)
      assert.deepEqual(doc.security, [{ Bearer: [] }], 'everything else needs the token')
      for (const path of ['/health', '/ready']) {
        const get = doc.paths[path]?.get
        assert.ok(get, path)
        assert.deepEqual(get.security, [], path)
        assert.match(get.description ?? '', /No token needed/, path)
      }
      assert.equal(doc.paths['/'], undefined, 'the landing page is not part of the API')
      assert.equal((await t.get('/health', null)).statusCode, 200)
    })
  })
}
