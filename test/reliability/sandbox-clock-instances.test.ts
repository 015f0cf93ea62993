import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app/app.ts'
import { openDatabase, prepare } from '../../src/app/bootstrap.ts'
import type { Database } from '../../src/db/database.ts'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'
import { CLOCK_REFRESH_MS } from '../../src/modules/sandbox-clock/index.ts'

// Two instances on one database (PostgreSQL, or one SQLite file): a change made through one is
// seen by the other within the refresh period, with no request needed to carry it.

const PROPAGATION_LIMIT_MS = CLOCK_REFRESH_MS * 2 + 250

for (const dialect of testDialects()) {
  describe(`sandbox clock across instances [${dialect}]`, () => {
    let t: TestApp
    let otherDb: Database
    let other: FastifyInstance
    let folder: string | undefined
    before(async () => {
      folder = dialect === 'sqlite' ? mkdtempSync(join(tmpdir(), 'crossdock-clock-')) : undefined
      t = await createTestApp(dialect, {
        ...(folder !== undefined
          ? {
              config: {
                database: {
                  dialect: 'sqlite',
                  path: join(folder, 'clock.db'),
                  synchronous: 'FULL',
                },
              },
            }
          : {}),
      })
      otherDb = await openDatabase(t.deps.config)
      other = await buildApp((await prepare(t.deps.config, undefined, otherDb)).deps)
      await other.ready()
    })
    after(async () => {
      await other.close()
      await otherDb.destroy()
      await t.close()
      if (folder !== undefined) {
        rmSync(folder, { recursive: true, force: true })
      }
    })

    const onOther = async () => {
      const res = await other.inject({
        method: 'GET',
        url: '/admin/clock',
        headers: { authorization: `Bearer ${t.adminToken}` },
      })
      assert.equal(res.statusCode, 200, res.body)
      return res.json<{ Now: string; Frozen: boolean }>()
    }
    /** How long until the other instance answers `expected`, in ms (fails past the limit). */
    const seenAfter = async (expected: string): Promise<number> => {
      const started = performance.now()
      for (;;) {
        const elapsed = performance.now() - started
        if ((await onOther()).Now === expected) {
          return elapsed
        }
        assert.ok(elapsed < PROPAGATION_LIMIT_MS, `not seen after ${Math.round(elapsed)} ms`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    }

    // Ten minutes ahead, whole seconds: the admin's token (one hour) stays valid throughout.
    const base = Math.floor(Date.now() / 1000) * 1000 + 600_000
    const iso = (plusSeconds: number) => new Date(base + plusSeconds * 1000).toISOString()

    it('should show a clock set on one instance on the other within the refresh period', async (ctx) => {
      const at = iso(0)
      const set = await t.put('/admin/clock', { Now: at, Frozen: true })
      assert.equal(set.statusCode, 200, set.body)
      assert.equal(t.deps.clock.now().toISOString(), at, 'the instance that set it: at once')
      const elapsed = await seenAfter(at)
      ctx.diagnostic(`seen by the other instance after ${Math.round(elapsed)} ms`)
      assert.ok(elapsed <= PROPAGATION_LIMIT_MS, String(elapsed))
      assert.equal((await onOther()).Frozen, true)
    })

    it('should carry advances and the reset made on the other instance back', async () => {
      const advanced = await other.inject({
        method: 'POST',
        url: '/admin/clock/advance',
        headers: { authorization: `Bearer ${t.adminToken}` },
        payload: { Seconds: 60 },
      })
      assert.equal(advanced.statusCode, 200, advanced.body)
      const started = performance.now()
      while (t.deps.clock.now().toISOString() !== iso(60)) {
        assert.ok(performance.now() - started < PROPAGATION_LIMIT_MS, 'advance not seen')
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      // Two advances on the two instances, at once on PostgreSQL: both count (no lost write). Two
      // SQLite handles in one process would block each other's event loop in busy_timeout, so there
      // they go one after the other (separate processes wait for SQLite's lock as usual).
      const advances = [
        () => t.post('/admin/clock/advance', { Seconds: 1 }),
        () =>
          other.inject({
            method: 'POST',
            url: '/admin/clock/advance',
            headers: { authorization: `Bearer ${t.adminToken}` },
            payload: { Seconds: 1 },
          }),
      ]
      if (dialect === 'postgres') {
        await Promise.all(advances.map((advance) => advance()))
      } else {
        for (const advance of advances) {
          await advance()
        }
      }
      assert.ok((await seenAfter(iso(62))) <= PROPAGATION_LIMIT_MS)
      assert.equal(
        (await t.request('DELETE', '/admin/clock', undefined, t.adminToken)).statusCode,
        200,
      )
      const started2 = performance.now()
      while ((await onOther()).Frozen) {
        assert.ok(performance.now() - started2 < PROPAGATION_LIMIT_MS, 'reset not seen')
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      assert.ok(Math.abs(Date.parse((await onOther()).Now) - Date.now()) < 2000)
    })
  })
}
