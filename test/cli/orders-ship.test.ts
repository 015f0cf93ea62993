import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { createClient, type CrossdockClient } from '../../src/client/index.ts'
import { testDialects } from '../helpers/dialects.ts'
import { orderBody, orderLine } from '../helpers/factories.ts'
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'

// `crossdock orders ship|unship` run as processes (bin/crossdock.js) against a started server.

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
  describe(`crossdock orders ship|unship [${dialect}]`, () => {
    let server: ServerProcess
    let database: ScratchDatabase
    let env: Record<string, string>
    let dir: string
    let sdk: CrossdockClient
    const run = (...args: string[]) => cli(args, env, dir)

    before(async () => {
      database = await scratchDatabase(dialect, 'cliship')
      server = await startServerProcess({
        DATABASE_URL: database.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        CROSSDOCK_SQLITE_SYNCHRONOUS: 'OFF',
        LOG_LEVEL: 'warn',
      })
      env = { CROSSDOCK_URL: server.url, CROSSDOCK_USERNAME: 'admin', CROSSDOCK_PASSWORD: PASSWORD }
      dir = mkdtempSync(join(tmpdir(), 'crossdock-cli-ship-'))
      sdk = createClient({ baseUrl: server.url, username: 'admin', password: PASSWORD })
    })
    after(async () => {
      try {
        await server?.stop()
      } finally {
        await database?.drop()
      }
    })

    it('should ship with tracking, update the package, and unship', async () => {
      // Unpaid orders ship here: the setting on and the order allowing it.
      const token = await sdk.token()
      const setting = await fetch(`${server.url}/admin/settings`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ AllowShippingUnpaidOrders: true }),
      })
      assert.equal(setting.status, 200, await setting.text())
      const orderId = await sdk.orders.create({
        ...orderBody([orderLine('CABLE-USB-C', 2)]),
        ShippingMethodDetails: { AllowShippingEvenNotPaid: true },
      } as never)

      const shipped = await run(
        'orders',
        'ship',
        String(orderId),
        '--carrier',
        'UPS',
        '--service',
        'Ground',
        '--tracking',
        '1Z-CLI',
        '--cost',
        '6.5',
        '--weight',
        '2',
      )
      assert.equal(shipped.code, 0, shipped.stderr)
      assert.match(
        shipped.stdout,
        new RegExp(`^shipped order ${orderId}: package \\d+ 1Z-CLI$`, 'm'),
      )
      const packages = await sdk.orders.packages(orderId)
      assert.deepEqual(
        [
          packages.Results[0]!.TrackingNumber,
          packages.Results[0]!.FinalShippingFee,
          packages.Results[0]!.Weight,
        ],
        ['1Z-CLI', 6.5, 2],
      )

      const updated = await run(
        'orders',
        'ship',
        String(orderId),
        '--carrier',
        'UPS',
        '--service',
        'Air',
        '--tracking',
        '1Z-CLI-2',
        '--package',
        String(packages.Results[0]!.ID),
        '--json',
      )
      assert.equal(updated.code, 0, updated.stderr)
      assert.equal(JSON.parse(updated.stdout).Results[0].TrackingNumber, '1Z-CLI-2')

      const unshipped = await run('orders', 'unship', String(orderId))
      assert.equal(unshipped.code, 0, unshipped.stderr)
      assert.match(unshipped.stdout, new RegExp(`^unshipped order ${orderId}$`, 'm'))
      assert.equal((await sdk.orders.get(orderId)).Statuses.ShippingStatus, 1)

      const again = await run('orders', 'unship', String(orderId))
      assert.equal(again.code, 1)
      assert.match(again.stderr, new RegExp(`Order ${orderId} is not shipped`))
      const bad = await run('orders', 'ship', String(orderId), '--carrier', 'UPS')
      assert.notEqual(bad.code, 0)
      assert.match(bad.stderr, /--service/)
    })
  })
}
