import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'
import {
  loginStatus,
  startServerProcess,
  startServerProcesses,
  token,
  type ServerProcess,
} from '../helpers/server-process.ts'

// CROSSDOCK_ADMIN_PASSWORD is authoritative at every start (README's walk-through: a first
// `npm start`, then `CROSSDOCK_ADMIN_PASSWORD=secret123 npm start`). Through real server processes.

async function status(url: string, bearer: string): Promise<number> {
  const res = await fetch(`${url}/rest/api/Companies`, {
    headers: { authorization: `Bearer ${bearer}` },
  })
  await res.arrayBuffer()
  return res.status
}

/** The messages of the JSON log lines on standard output. */
const messages = (server: ServerProcess) =>
  server
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string })

for (const dialect of testDialects()) {
  describe(`CROSSDOCK_ADMIN_PASSWORD at every start [${dialect}]`, () => {
    let database: ScratchDatabase
    before(async () => {
      database = await scratchDatabase(dialect, 'adminpw')
    })
    after(() => database.drop())

    it('should follow the README: a first start, then CROSSDOCK_ADMIN_PASSWORD=secret123 logs in, later starts keep it', async () => {
      const env = { DATABASE_URL: database.url, CROSSDOCK_RATE_LIMIT: 'off' }
      const first = await startServerProcess(env)
      let generated: string
      let early: string
      try {
        generated = /password: (\S+)/.exec(first.stderr())?.[1] ?? ''
        assert.notEqual(generated, '', first.stderr())
        early = await token(first.url, 'admin', generated)
        // The start-up line names the URLs, with the port really bound.
        const ready = messages(first).find((m) => m.msg.includes(' ready: '))
        assert.ok(ready, first.stdout())
        assert.equal(ready.ApiBase, `${first.url}/rest/api`)
        assert.equal(ready.SwaggerUi, `${first.url}/rest/swagger`)
        assert.equal(ready.OpenApi, `${first.url}/rest/openapi.json`)
      } finally {
        await first.stop()
      }

      const second = await startServerProcess({ ...env, CROSSDOCK_ADMIN_PASSWORD: 'secret123' })
      let issued: string
      try {
        const set = messages(second).find(
          (m) => m.msg === 'admin password set from CROSSDOCK_ADMIN_PASSWORD',
        )
        assert.ok(set, second.stdout())
        assert.equal(set.changed, true)
        assert.equal(set.username, 'admin')
        assert.doesNotMatch(second.stdout() + second.stderr(), /secret123/, 'never printed')
        issued = await token(second.url, 'admin', 'secret123')
        assert.equal(await loginStatus(second.url, 'admin', generated), 400, 'the old one is gone')
        assert.equal(await status(second.url, early), 401, 'tokens of the old password are revoked')
        assert.equal(await status(second.url, issued), 200)
      } finally {
        await second.stop()
      }

      const third = await startServerProcess({ ...env, CROSSDOCK_ADMIN_PASSWORD: 'secret123' })
      try {
        const set = messages(third).find(
          (m) => m.msg === 'admin password set from CROSSDOCK_ADMIN_PASSWORD',
        )
        assert.equal(set?.changed, false, 'already set: nothing written')
        assert.equal(await status(third.url, issued), 200, 'a restart keeps tokens valid')
      } finally {
        await third.stop()
      }

      const fourth = await startServerProcess(env)
      try {
        assert.doesNotMatch(fourth.stderr(), /password:/, 'no new password without the variable')
        const hint = messages(fourth).find((m) => m.msg.includes('crossdock admin reset-password'))
        assert.ok(hint, fourth.stdout())
        assert.equal(await status(fourth.url, issued), 200)
        assert.equal(await loginStatus(fourth.url, 'admin', 'secret123'), 200)
      } finally {
        await fourth.stop()
      }
    })

    it('should give CROSSDOCK_ADMIN_USER back an active administrator, and agree when instances start together', async () => {
      const env = { DATABASE_URL: database.url, CROSSDOCK_RATE_LIMIT: 'off' }
      const setup = await startServerProcess({ ...env, CROSSDOCK_ADMIN_PASSWORD: 'secret123' })
      try {
        const admin = await token(setup.url, 'admin', 'secret123')
        const res = await fetch(`${setup.url}/admin/users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: JSON.stringify({ Username: 'ops', Password: 'ops-old-pass', IsActive: false }),
        })
        assert.equal(res.status, 200, await res.text())
      } finally {
        await setup.stop()
      }
      const both = await startServerProcesses(
        { ...env, CROSSDOCK_ADMIN_USER: 'ops', CROSSDOCK_ADMIN_PASSWORD: 'ops-new-pass' },
        2,
      )
      try {
        const changed = both.map(
          (s) =>
            messages(s).find((m) => m.msg === 'admin password set from CROSSDOCK_ADMIN_PASSWORD')
              ?.changed,
        )
        assert.ok(changed.includes(true), JSON.stringify(changed))
        for (const server of both) {
          const ops = await token(server.url, 'ops', 'ops-new-pass')
          const users = await fetch(`${server.url}/admin/users`, {
            headers: { authorization: `Bearer ${ops}` },
          })
          assert.equal(users.status, 200, 'ops is an administrator now')
          const list = (await users.json()) as { Items: Array<{ Username: string }> }
          assert.equal(list.Items.filter((u) => u.Username === 'ops').length, 1)
          assert.equal(await loginStatus(server.url, 'ops', 'ops-old-pass'), 400)
          assert.equal(await loginStatus(server.url, 'admin', 'secret123'), 200, 'admin untouched')
        }
      } finally {
        await Promise.all(both.map((s) => s.stop()))
      }
    })
  })
}
