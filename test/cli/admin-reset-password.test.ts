import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { CLI_ADMIN_PASSWORD, runCli } from '../helpers/cli-server.ts'
import { testDialects } from '../helpers/dialects.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'
import {
  loginStatus,
  startServerProcess,
  token,
  type ServerProcess,
} from '../helpers/server-process.ts'

// `crossdock admin reset-password` works on DATABASE_URL directly (here while a server runs on it):
// the new password logs in, the old one and the tokens issued under it stop working.

/** The status a token gets, once the server's access cache (500 ms) has seen the change. */
async function settledStatus(url: string, bearer: string, expected: number): Promise<number> {
  let last = 0
  for (let i = 0; i < 40; i += 1) {
    const res = await fetch(`${url}/rest/api/Companies`, {
      headers: { authorization: `Bearer ${bearer}` },
    })
    await res.arrayBuffer()
    last = res.status
    if (last === expected) {
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return last
}

for (const dialect of testDialects()) {
  describe(`crossdock admin reset-password [${dialect}]`, () => {
    const cli = { dir: '', server: undefined as unknown as ServerProcess }
    let database: ScratchDatabase | undefined
    before(async () => {
      database = await scratchDatabase(dialect, 'cli_adminpw')
      cli.server = await startServerProcess({
        DATABASE_URL: database.url,
        CROSSDOCK_ADMIN_PASSWORD: CLI_ADMIN_PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
      })
      cli.dir = mkdtempSync(join(tmpdir(), 'crossdock-cli-adminpw-'))
    })
    after(async () => {
      try {
        await cli.server?.stop()
      } finally {
        await database?.drop()
      }
    })
    const dbEnv = () => ({ DATABASE_URL: database!.url })

    it('should generate a password, print it once, and revoke the tokens issued before', async () => {
      const before = await token(cli.server.url, 'admin', CLI_ADMIN_PASSWORD)
      const run = await runCli(['admin', 'reset-password'], dbEnv(), cli.dir)
      assert.equal(run.code, 0, run.stderr)
      const generated = /new password for "admin": (\S+)/.exec(run.stdout)?.[1]
      assert.ok(generated, run.stdout)
      assert.match(run.stdout, /shown once; tokens issued before no longer work/)
      assert.equal(await settledStatus(cli.server.url, before, 401), 401)
      assert.equal(await loginStatus(cli.server.url, 'admin', CLI_ADMIN_PASSWORD), 400)
      const after = await token(cli.server.url, 'admin', generated)
      assert.equal(await settledStatus(cli.server.url, after, 200), 200)
    })

    it('should read the password from standard input with --password - and take --user', async () => {
      const run = await runCli(
        ['admin', 'reset-password', '--user', 'admin', '--password', '-'],
        dbEnv(),
        cli.dir,
        'from-stdin-pass\n',
      )
      assert.equal(run.code, 0, run.stderr)
      assert.equal(run.stdout, 'password of "admin" changed; tokens issued before no longer work\n')
      assert.doesNotMatch(run.stdout, /from-stdin-pass/)
      assert.equal(await loginStatus(cli.server.url, 'admin', 'from-stdin-pass'), 200)
      const given = await runCli(
        ['admin', 'reset-password', '--password', CLI_ADMIN_PASSWORD],
        dbEnv(),
        cli.dir,
      )
      assert.equal(given.code, 0, given.stderr)
      assert.equal(await loginStatus(cli.server.url, 'admin', CLI_ADMIN_PASSWORD), 200)
    })

    it('should fail in one line, changing nothing, for an unknown user, an empty password or a bad DATABASE_URL', async () => {
      const unknown = await runCli(
        ['admin', 'reset-password', '--user', 'nobody', '--password', 'whatever-1'],
        dbEnv(),
        cli.dir,
      )
      assert.equal(unknown.code, 1)
      assert.equal(unknown.stderr, 'crossdock: User "nobody" was not found.\n')
      const empty = await runCli(
        ['admin', 'reset-password', '--password', '-'],
        dbEnv(),
        cli.dir,
        '\n',
      )
      assert.equal(empty.code, 1)
      assert.equal(empty.stderr, 'crossdock: the new password is empty\n')
      const bad = await runCli(
        ['admin', 'reset-password'],
        { DATABASE_URL: 'mysql://localhost/x' },
        cli.dir,
      )
      assert.equal(bad.code, 1)
      assert.match(bad.stderr, /^crossdock: configuration error: DATABASE_URL: [^\n]+\n$/)
      assert.equal(await loginStatus(cli.server.url, 'admin', CLI_ADMIN_PASSWORD), 200)
    })
  })
}
