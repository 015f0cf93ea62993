import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { createClient, type CrossdockClient } from '../../src/client/index.ts'
import { testDialects } from '../helpers/dialects.ts'
import { orderBody, orderLine } from '../helpers/factories.ts'
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'

// `crossdock orders edit` run as a process against a started server.

const BIN = fileURLToPath(new URL('../../bin/crossdock.js', import.meta.url))
const PASSWORD = 'cli-admin-password'

function cli(args: string[], env: Record<string, string>, cwd: string) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('CROSSDOCK_')),
  )
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...base, XDG_CONFIG_HOME: join(cwd, 'xdg'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

for (const dialect of testDialects()) {
  describe(`crossdock orders edit [${dialect}]`, () => {
    let server: ServerProcess
    let database: ScratchDatabase
    let env: Record<string, string>
    let dir: string
    let sdk: CrossdockClient
    const run = (...args: string[]) => cli(args, env, dir)

    before(async () => {
      database = await scratchDatabase(dialect, 'cli_edit')
      server = await startServerProcess({
        DATABASE_URL: database.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
      })
      env = { CROSSDOCK_URL: server.url, CROSSDOCK_USERNAME: 'admin', CROSSDOCK_PASSWORD: PASSWORD }
      dir = mkdtempSync(join(tmpdir(), 'crossdock-cli-edit-'))
      sdk = createClient({ baseUrl: server.url, username: 'admin', password: PASSWORD })
    })
    after(async () => {
      try {
        await server?.stop()
      } finally {
        await database?.drop()
      }
    })

    it('should update fields, add, re-quantify and remove lines', async () => {
      const id = await sdk.orders.create(orderBody([orderLine('WIDGET-RED', 1)]) as never)
      const [red] = (await sdk.orders.get(id)).OrderItems
      writeFileSync(join(dir, 'update.json'), JSON.stringify({ SalesRep1: 1 }))
      const res = await run(
        'orders',
        'edit',
        String(id),
        '--body',
        'update.json',
        '--add',
        'CASE-SLIM:2',
        '--set',
        `${red!.ID}:3`,
      )
      assert.equal(res.code, 0, res.stderr)
      assert.match(res.stdout, /updated; Items added successfully\.; Items updated successfully/)
      const order = await sdk.orders.get(id)
      assert.equal(order.OrderDetails.SalesRep1, 1)
      assert.deepEqual(
        order.OrderItems.map((i) => [i.ProductID, i.Qty]),
        [
          ['WIDGET-RED', 3],
          ['CASE-SLIM', 2],
        ],
      )
      const removed = await run('orders', 'edit', String(id), '--remove', String(red!.ID), '--json')
      assert.equal(removed.code, 0, removed.stderr)
      assert.equal(JSON.parse(removed.stdout).OrderItems.length, 1)
      const refused = await run('orders', 'edit', String(id), '--remove', '999999')
      assert.equal(refused.code, 1)
      assert.match(refused.stderr, /^crossdock: /)
      const nothing = await run('orders', 'edit', String(id))
      assert.equal(nothing.code, 1)
      assert.match(nothing.stderr, /give --body, --add, --set or --remove/)
    })
  })
}
