import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { scratchSchema } from '../helpers/scratch-database.ts'
import { startServerProcesses, token, type ServerProcess } from '../helpers/server-process.ts'

// Two real server processes on one PostgreSQL database: a user deactivated through one instance
// loses access on the other within the stated bound (1 s), whatever that instance had cached.

if (testDialects().includes('postgres')) {
  describe('token revocation across real instances (PostgreSQL)', () => {
    it('should refuse a deactivated admin on the other instance within 1 s', async () => {
      const { url, drop } = await scratchSchema('e2e')
      try {
        const env = { DATABASE_URL: url, CROSSDOCK_ADMIN_PASSWORD: 'pg-pass-123' }
        const [a, b] = (await startServerProcesses(env, 2)) as [ServerProcess, ServerProcess]
        try {
          const admin = await token(a.url, 'admin', 'pg-pass-123')
          const created = await fetch(`${a.url}/admin/users`, {
            method: 'POST',
            headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
            body: JSON.stringify({ Username: 'second', Password: 'second-pass', IsAdmin: true }),
          })
          assert.equal(created.status, 200)
          const id = ((await created.json()) as { ID: number }).ID
          const second = await token(b.url, 'second', 'second-pass')
          const onB = async () =>
            (
              await fetch(`${b.url}/admin/users`, {
                headers: { authorization: `Bearer ${second}` },
              })
            ).status
          assert.equal(await onB(), 200, 'instance B has the user cached as current')
          const off = await fetch(`${a.url}/admin/users/${id}`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
            body: JSON.stringify({ IsActive: false }),
          })
          assert.equal(off.status, 200)
          const changedAt = performance.now()
          let status = await onB()
          while (status === 200 && performance.now() - changedAt < 2_000) {
            await new Promise((resolve) => setTimeout(resolve, 20))
            status = await onB()
          }
          const elapsed = performance.now() - changedAt
          assert.equal(status, 401)
          assert.ok(elapsed <= 1_000, `revoked on B after ${Math.round(elapsed)} ms`)
        } finally {
          await Promise.all([a.stop(), b.stop()])
        }
      } finally {
        await drop()
      }
    })
  })
}
