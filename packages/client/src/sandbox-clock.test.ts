import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/build-app.ts'
import { testDialects } from '../../../test/helpers/dialects.ts'
import { injectedClient } from '../../../test/helpers/inject-fetch.ts'

// The SDK's sandbox clock against the in-process app: get, set, advance, reset.

for (const dialect of testDialects()) {
  describe(`SDK sandbox clock [${dialect}]`, () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should read, set, advance and reset the server clock', async () => {
      const c = injectedClient(t)
      assert.deepEqual(
        { ...(await c.sandbox.clock.get()), Now: undefined },
        { Now: undefined, Frozen: false, OffsetSeconds: 0 },
      )
      const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000).toISOString()
      assert.equal((await c.sandbox.clock.set({ Now: at, Frozen: true })).Now, at)
      const moved = await c.sandbox.clock.advance(3600)
      assert.equal(Date.parse(moved.Now) - Date.parse(at), 3_600_000)
      assert.equal(moved.Frozen, true)
      // The client's token expired with the move: it logs in again by itself.
      assert.equal((await c.sandbox.clock.get()).Now, moved.Now)
      assert.equal(t.deps.clock.now().toISOString(), moved.Now)
      const reset = await c.sandbox.clock.reset()
      assert.deepEqual(
        { Frozen: reset.Frozen, OffsetSeconds: reset.OffsetSeconds },
        { Frozen: false, OffsetSeconds: 0 },
      )
    })

    it('should surface a refused body as the server error', async () => {
      await assert.rejects(
        injectedClient(t).sandbox.clock.advance(0.5),
        (error: Error & { status?: number }) => {
          assert.equal(error.status, 400)
          return true
        },
      )
    })
  })
}
