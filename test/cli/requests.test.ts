import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { useCliServer } from '../helpers/cli-server.ts'
import { testDialects } from '../helpers/dialects.ts'

// `crossdock requests list|get|clear|tail` against a real server process (journal on by default).

const BIN = fileURLToPath(new URL('../../bin/crossdock.js', import.meta.url))

for (const dialect of testDialects()) {
  describe(`crossdock requests [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_requests')

    it('should list, show and clear journal entries', async () => {
      await cli.sdk.companies.list()
      const listed = await cli.run('requests', 'list', '--path', '/rest/api/Companies')
      assert.equal(listed.code, 0, listed.stderr)
      assert.match(listed.stdout, /GET\s+\/rest\/api\/Companies/)
      assert.match(listed.stdout, /1 of 1 requests/)
      const json = await cli.run('requests', 'list', '--path', '/rest/api/Companies', '--json')
      const id = (JSON.parse(json.stdout) as { Items: Array<{ Id: number }> }).Items[0]!.Id
      const got = await cli.run('requests', 'get', String(id))
      assert.equal(got.code, 0, got.stderr)
      assert.match(got.stdout, /Request:\s+GET \/rest\/api\/Companies/)
      assert.match(got.stdout, /User:\s+admin/)
      const cleared = await cli.run('requests', 'clear')
      assert.equal(cleared.code, 0, cleared.stderr)
      assert.match(cleared.stdout, /^deleted \d+ journal entries$/m)
      const missing = await cli.run('requests', 'get', String(id))
      assert.equal(missing.code, 1)
      assert.match(missing.stderr, /404 NOT_FOUND/)
    })

    it('should follow new entries with tail, one JSON line each, and end quietly on Ctrl-C', async () => {
      const child = spawn(
        process.execPath,
        [BIN, 'requests', 'tail', '--json', '--interval', '100'],
        {
          cwd: cli.dir,
          env: { ...process.env, XDG_CONFIG_HOME: join(cli.dir, 'xdg'), ...cli.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      )
      try {
        // tail starts after the newest entry when it is ready: call until the call shows up.
        const deadline = Date.now() + 30_000
        while (!/\/rest\/api\/Warehouses/.test(stdout)) {
          assert.ok(Date.now() < deadline, `tail printed: ${stdout} ${stderr}`)
          await cli.sdk.warehouses.list()
          await new Promise((resolve) => setTimeout(resolve, 300))
        }
        const lines = stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { Path: string; Status: number })
        const warehouses = lines.find((l) => l.Path === '/rest/api/Warehouses')
        assert.equal(warehouses?.Status, 200)
        assert.ok(
          !lines.some((l) => l.Path.startsWith('/admin/requests')),
          'tail does not see its own polls',
        )
      } finally {
        child.kill('SIGINT')
      }
      assert.equal(await exited, 0, stderr)
      assert.equal(stderr, '')
    })
  })
}
