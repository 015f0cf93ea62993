import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type AddressInfo } from 'node:net'
import { describe, it } from 'node:test'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { testDialects, testPgUrl } from '../helpers/dialects.ts'
import { scratchSchema } from '../helpers/scratch-database.ts'
import {
  ExitedEarly,
  startServerProcess,
  startServerProcesses,
  token,
  type ServerProcess,
} from '../helpers/server-process.ts'

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'crossdock-e2e-'))
}

async function expectStartFailure(env: Record<string, string>, variable: string): Promise<void> {
  await assert.rejects(startServerProcess(env), (error: unknown) => {
    assert.ok(error instanceof ExitedEarly, String(error))
    assert.equal(error.code, 1)
    const lines = error.stderr.trim().split('\n')
    assert.equal(lines.length, 1, error.stderr)
    assert.match(lines[0]!, new RegExp(`configuration error: ${variable}:`))
    return true
  })
}

describe('server start-up (real process, SQLite file)', () => {
  it('should print a generated admin password once, keep the JWT secret across restarts, and stop cleanly on SIGTERM', async () => {
    const dir = tempDir()
    const env = { DATABASE_URL: `sqlite:${join(dir, 'sub', 'crossdock.db')}` }
    const first = await startServerProcess(env)
    const printed = /password: (\S+)/.exec(first.stderr())
    assert.ok(printed, first.stderr())
    const password = printed[1]!
    assert.doesNotMatch(
      first.stdout(),
      new RegExp(password),
      'the password never reaches the log stream',
    )
    const issued = await token(first.url, 'admin', password)
    assert.equal(await first.stop(), 0)

    const second = await startServerProcess(env)
    assert.doesNotMatch(second.stderr(), /password:/)
    const res = await fetch(`${second.url}/rest/api/Companies`, {
      headers: { authorization: `Bearer ${issued}` },
    })
    assert.equal(res.status, 200, 'a token from before the restart still works')
    assert.equal(((await res.json()) as { TotalResults: number }).TotalResults, 2)
    assert.equal(await second.stop('SIGINT'), 0)
  })

  it('should leave no admin behind when the first start fails (port taken), so the next start prints a password that works', async () => {
    const dir = tempDir()
    const file = join(dir, 'first.db')
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const taken = (blocker.address() as AddressInfo).port
    try {
      await assert.rejects(
        startServerProcess({ DATABASE_URL: `sqlite:${file}`, PORT: String(taken) }),
        (error: unknown) => {
          assert.ok(error instanceof ExitedEarly, String(error))
          assert.equal(error.code, 1)
          assert.doesNotMatch(error.stderr, /password:/)
          return true
        },
      )
    } finally {
      blocker.close()
    }
    const sqlite = new SQLite(file, { readonly: true })
    try {
      assert.deepEqual(sqlite.prepare('select username from app_user').all(), [])
    } finally {
      sqlite.close()
    }
    const second = await startServerProcess({ DATABASE_URL: `sqlite:${file}` })
    try {
      const printed = /password: (\S+)/.exec(second.stderr())
      assert.ok(printed, second.stderr())
      assert.ok(await token(second.url, 'admin', printed[1]!))
    } finally {
      await second.stop()
    }
  })

  it('should use CROSSDOCK_ADMIN_USER/PASSWORD for the first user', async () => {
    const dir = tempDir()
    const server = await startServerProcess({
      DATABASE_URL: `sqlite:${join(dir, 'c.db')}`,
      CROSSDOCK_ADMIN_USER: 'ops',
      CROSSDOCK_ADMIN_PASSWORD: 'ops-password-1',
    })
    try {
      assert.doesNotMatch(server.stderr(), /password:/)
      assert.ok(await token(server.url, 'ops', 'ops-password-1'))
    } finally {
      await server.stop()
    }
  })

  it('should load a fixtures file instead of the demo set', async () => {
    const dir = tempDir()
    const fixtures = join(dir, 'fixtures.json')
    writeFileSync(
      fixtures,
      JSON.stringify({
        companies: [{ id: 7, companyName: 'Fixture Co' }],
        vendors: [{ ID: 70, Name: 'Fixture Vendor' }],
      }),
    )
    const server = await startServerProcess({
      DATABASE_URL: `sqlite:${join(dir, 'f.db')}`,
      CROSSDOCK_ADMIN_PASSWORD: 'fixture-pass-1',
      CROSSDOCK_FIXTURES: fixtures,
    })
    try {
      const t = await token(server.url, 'admin', 'fixture-pass-1')
      const res = await fetch(`${server.url}/rest/api/Companies`, {
        headers: { authorization: `Bearer ${t}` },
      })
      const body = (await res.json()) as { Items: Array<{ ID: number; CompanyName: string }> }
      assert.deepEqual(
        body.Items.map((c) => [c.ID, c.CompanyName]),
        [[7, 'Fixture Co']],
      )
    } finally {
      await server.stop()
    }
  })

  it('should finish an in-flight request before exiting on SIGTERM', async () => {
    const dir = tempDir()
    const server = await startServerProcess({
      DATABASE_URL: `sqlite:${join(dir, 'g.db')}`,
      CROSSDOCK_ADMIN_PASSWORD: 'graceful-pass-1',
    })
    // A token request spends ~50 ms in scrypt: signal once the server has logged its arrival.
    const pending = fetch(`${server.url}/rest/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'in-flight-1' },
      body: JSON.stringify({ Username: 'admin', Password: 'graceful-pass-1' }),
    })
    while (!server.stdout().includes('"reqId":"in-flight-1"')) {
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    server.child.kill('SIGTERM')
    const res = await pending
    assert.equal(res.status, 200)
    assert.equal(await server.exited, 0)
  })

  it('should refuse bad configuration with one line naming the variable and exit code 1', async () => {
    const dir = tempDir()
    await expectStartFailure({ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL')
    await expectStartFailure({ DATABASE_URL: 'postgres://127.0.0.1:1/none' }, 'DATABASE_URL')
    await expectStartFailure(
      {
        DATABASE_URL: `sqlite:${join(dir, 'x.db')}`,
        CROSSDOCK_FIXTURES: join(dir, 'missing.json'),
      },
      'CROSSDOCK_FIXTURES',
    )
    const invalid = join(dir, 'invalid.json')
    writeFileSync(invalid, JSON.stringify({ Companies: [{ ID: 'one' }] }))
    await expectStartFailure(
      { DATABASE_URL: `sqlite:${join(dir, 'y.db')}`, CROSSDOCK_FIXTURES: invalid },
      'CROSSDOCK_FIXTURES',
    )
    await expectStartFailure({ DATABASE_URL: `sqlite:${join(dir, 'z.db')}`, PORT: 'x' }, 'PORT')
  })
})

if (testDialects().includes('postgres')) {
  describe('server start-up (real processes, PostgreSQL)', () => {
    it('should migrate safely when two instances start at once on an empty database', async () => {
      const { schema, url, drop } = await scratchSchema('e2e')
      const admin = new pg.Client({ connectionString: testPgUrl() })
      try {
        await admin.connect()
        const env = { DATABASE_URL: url, CROSSDOCK_ADMIN_PASSWORD: 'pg-pass-123' }
        const [a, b] = (await startServerProcesses(env, 2)) as [ServerProcess, ServerProcess]
        try {
          const t = await token(a.url, 'admin', 'pg-pass-123')
          const res = await fetch(`${b.url}/rest/api/Companies`, {
            headers: { authorization: `Bearer ${t}` },
          })
          assert.equal(res.status, 200, 'both instances share one JWT secret')
          assert.equal(
            ((await res.json()) as { TotalResults: number }).TotalResults,
            2,
            'demo data loaded once',
          )
          const users = await admin.query(`select count(*)::int as n from ${schema}.app_user`)
          assert.equal(users.rows[0].n, 1)
        } finally {
          await Promise.all([a.stop(), b.stop()])
        }
      } finally {
        await admin.end()
        await drop()
      }
    })
  })
}
