import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { buildApp } from '../../src/app/app.ts'
import { ConfigError, JOURNAL_DEFAULTS, loadConfig } from '../../src/config.ts'
import { journalFilePath } from '../../src/db/journal-database.ts'
import { createDb } from '../../src/db/database.ts'
import { parseDatabaseUrl } from '../../src/config.ts'
import { createTestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { countRows } from '../helpers/factories.ts'
import { startServerProcess, token } from '../helpers/server-process.ts'

// The request journal of two instances sharing one PostgreSQL: each writes its own batches, IDs
// never collide, a read sees both once flushed, and a clear on one empties both.

interface Entry {
  Id: number
  Path: string
}

describe('journal configuration', () => {
  it('should read CROSSDOCK_JOURNAL*, with durations in s, m, h or d', () => {
    assert.deepEqual(loadConfig({}).journal, JOURNAL_DEFAULTS)
    const c = loadConfig({
      CROSSDOCK_JOURNAL: 'off',
      CROSSDOCK_JOURNAL_MAX_ROWS: '500',
      CROSSDOCK_JOURNAL_MAX_AGE: '12h',
      CROSSDOCK_JOURNAL_BODY_LIMIT: '1024',
    }).journal
    assert.deepEqual(c, {
      enabled: false,
      maxRows: 500,
      maxAgeMs: 12 * 3600_000,
      bodyLimitBytes: 1024,
    })
    assert.equal(loadConfig({ CROSSDOCK_JOURNAL_MAX_AGE: '90' }).journal.maxAgeMs, 90_000)
    for (const [name, value] of [
      ['CROSSDOCK_JOURNAL', 'maybe'],
      ['CROSSDOCK_JOURNAL_MAX_AGE', '7 days'],
      ['CROSSDOCK_JOURNAL_MAX_AGE', '0'],
      ['CROSSDOCK_JOURNAL_MAX_ROWS', '0'],
    ] as const) {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (e: unknown) => e instanceof ConfigError && e.variable === name,
        `${name}=${value}`,
      )
    }
  })
})

describe('journal at shutdown', () => {
  it('should write what is queued when the server stops on SIGTERM', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'crossdock-journal-')), 'j.db')
    const url = `sqlite:${file}`
    const server = await startServerProcess({
      DATABASE_URL: url,
      CROSSDOCK_ADMIN_PASSWORD: 'journal-admin-password',
      CROSSDOCK_RATE_LIMIT: 'off',
    })
    const bearer = await token(server.url, 'admin', 'journal-admin-password')
    for (let i = 0; i < 5; i += 1) {
      const res = await fetch(`${server.url}/rest/api/Companies`, {
        headers: { authorization: `Bearer ${bearer}` },
      })
      assert.equal(res.status, 200)
    }
    assert.equal(await server.stop(), 0)
    // On a SQLite file the journal has a file of its own beside it.
    const db = createDb(parseDatabaseUrl(`sqlite:${journalFilePath(file)}`))
    try {
      const rows = await db.selectFrom('request_journal').select('path').execute()
      assert.equal(rows.filter((r) => r.path === '/rest/api/Companies').length, 5)
    } finally {
      await db.destroy()
    }
  })
})

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  const journalOn = () => ({ config: { journal: { ...JOURNAL_DEFAULTS } } })
  describe('request journal: two instances on one PostgreSQL', () => {
    it('should hold both instances’ entries with distinct IDs, and clear them all', async () => {
      const t = await createTestApp(dialect, journalOn())
      const db2 = createDb(t.deps.config.database)
      const app2 = await buildApp({ ...t.deps, db: db2 })
      try {
        await app2.ready()
        const calls = []
        for (let i = 0; i < 20; i += 1) {
          calls.push(t.get('/rest/api/Companies'))
          calls.push(
            app2.inject({
              url: '/rest/api/Warehouses',
              headers: { authorization: `Bearer ${t.adminToken}` },
            }),
          )
        }
        for (const res of await Promise.all(calls)) {
          assert.equal(res.statusCode, 200)
        }
        await app2.requestJournal.flush()
        const res = await t.get('/admin/requests?pageSize=200')
        const items = res.json<{ Items: Entry[] }>().Items
        assert.equal(items.filter((e) => e.Path === '/rest/api/Companies').length, 20)
        assert.equal(items.filter((e) => e.Path === '/rest/api/Warehouses').length, 20)
        assert.equal(new Set(items.map((e) => e.Id)).size, items.length)
        const cleared = await app2.inject({
          method: 'DELETE',
          url: '/admin/requests',
          headers: { authorization: `Bearer ${t.adminToken}` },
        })
        assert.ok(cleared.json<{ Deleted: number }>().Deleted >= 40)
        await app2.requestJournal.flush()
        assert.equal(
          await countRows(t.app.requestJournal.db, 'request_journal'),
          1,
          'only the DELETE itself',
        )
      } finally {
        await app2.close()
        await db2.destroy()
        await t.close()
      }
    })
  })
}
