import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  createClient,
  type CreateOrderRequest,
  type CrossdockClient,
} from '../../src/client/index.ts'
import { testDialects } from '../helpers/dialects.ts'
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'

// `crossdock orders status|dropship-status|delete` run as processes against a started server.

const BIN = fileURLToPath(new URL('../../bin/crossdock.js', import.meta.url))
const PASSWORD = 'cli-admin-password'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function cli(args: string[], env: Record<string, string>, cwd: string): Promise<Run> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('CROSSDOCK_')),
  )
  return new Promise((resolve, reject) => {
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
  describe(`crossdock orders status commands [${dialect}]`, () => {
    let server: ServerProcess
    let database: ScratchDatabase
    let env: Record<string, string>
    let dir: string
    let sdk: CrossdockClient
    const run = (...args: string[]) => cli(args, env, dir)

    before(async () => {
      database = await scratchDatabase(dialect, 'clistatus')
      server = await startServerProcess({
        DATABASE_URL: database.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
      })
      env = { CROSSDOCK_URL: server.url, CROSSDOCK_USERNAME: 'admin', CROSSDOCK_PASSWORD: PASSWORD }
      dir = mkdtempSync(join(tmpdir(), 'crossdock-cli-status-'))
      sdk = createClient({ baseUrl: server.url, username: 'admin', password: PASSWORD })
    })
    after(async () => {
      try {
        await server?.stop()
      } finally {
        await database?.drop()
      }
    })

    it('should set statuses by name, report refusals in one line, and delete', async () => {
      const order = (sku: string): CreateOrderRequest => ({
        CustomerDetails: { Email: 'cli-status@example.com', FirstName: 'Cli', LastName: 'Status' },
        OrderDetails: { CompanyID: 1, Channel: 6 },
        Products: [{ ProductID: sku, Qty: 1 }],
      })
      const a = await sdk.orders.create(order('WIDGET-RED'))
      const b = await sdk.orders.create(order('WIDGET-BLUE'))

      const held = await run('orders', 'status', `${a},${b}`, 'OnHold', '--json')
      assert.equal(held.code, 0, held.stderr)
      assert.deepEqual(JSON.parse(held.stdout), [a, b])
      assert.equal((await sdk.orders.get(b)).Statuses.OrderStatus, 200)

      const again = await run('orders', 'status', String(a), '200')
      assert.match(again.stdout, /no order changed/)

      const dropship = await run('orders', 'dropship-status', String(a), 'requested')
      assert.equal(dropship.code, 0, dropship.stderr)
      assert.match(dropship.stdout, new RegExp(`dropship status set on order ${a}`))
      assert.equal((await sdk.orders.get(a)).Statuses.DropshipStatus, 2)

      const refused = await run('orders', 'status', String(a), 'Completed')
      assert.equal(refused.code, 1)
      assert.match(refused.stderr.trim(), /^crossdock: .*Orders\[0\]: .*not fully shipped/)
      assert.equal(refused.stderr.trim().split('\n').length, 1)

      const cancelled = await run('orders', 'status', String(b), 'Cancelled')
      assert.equal(cancelled.code, 0, cancelled.stderr)
      assert.equal((await sdk.orders.get(b)).Statuses.OrderStatus, -1)

      const deleted = await run('orders', 'delete', String(b))
      assert.equal(deleted.code, 0, deleted.stderr)
      assert.match(deleted.stdout, new RegExp(`deleted order ${b}`))
      const missing = await run('orders', 'delete', String(b))
      assert.equal(missing.code, 1)
      assert.match(missing.stderr, /was not found/)
    })
  })
}
