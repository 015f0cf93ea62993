// README's "Testing your integration with Crossdock" example (examples/integration.test.ts) is run
// as a user would run it: node --test against a server started with the documented password.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { startServerProcess } from '../helpers/server-process.ts'

const EXAMPLE = fileURLToPath(new URL('../../examples/integration.test.ts', import.meta.url))

describe('examples/integration.test.ts', () => {
  it('should pass against a fresh server (reset, a fault, a clock jump, the journal)', async () => {
    const server = await startServerProcess({
      DATABASE_URL: 'sqlite::memory:',
      CROSSDOCK_ADMIN_PASSWORD: 'secret123',
      CROSSDOCK_JOURNAL: 'on',
    })
    try {
      // Without the parent runner's NODE_TEST_CONTEXT, the child reports on its own stdout.
      const env = { ...process.env }
      delete env.NODE_TEST_CONTEXT
      const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', EXAMPLE], {
        env: { ...env, CROSSDOCK_URL: server.url, CROSSDOCK_PASSWORD: 'secret123' },
        encoding: 'utf8',
        timeout: 120_000,
      })
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`)
      assert.match(run.stdout, /pass 3/)
    } finally {
      await server.stop()
    }
  })
})
