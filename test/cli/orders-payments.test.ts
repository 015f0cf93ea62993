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

// `crossdock orders pay|note` run as processes against a started server.

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

/** A website order of company 1: `qty` × WIDGET-RED at `price` (the catalog price when omitted). */
const orderOf = (qty: number, price?: number): CreateOrderRequest => ({
  CustomerDetails: { Email: 'pay@example.com', FirstName: 'Pay', LastName: 'Er' },
  OrderDetails: { CompanyID: 1, Channel: 6 },
  Products: [{ ProductID: 'WIDGET-RED', Qty: qty, SitePrice: price }],
})

for (const dialect of testDialects()) {
  describe(`crossdock orders pay|note [${dialect}]`, () => {
    let server: ServerProcess
    let database: ScratchDatabase
    let env: Record<string, string>
    let dir: string
    let sdk: CrossdockClient
    const run = (...args: string[]) => cli(args, env, dir)

    before(async () => {
      database = await scratchDatabase(dialect, 'clipay')
      server = await startServerProcess({
        DATABASE_URL: database.url,
        CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        LOG_LEVEL: 'warn',
      })
      env = { CROSSDOCK_URL: server.url, CROSSDOCK_USERNAME: 'admin', CROSSDOCK_PASSWORD: PASSWORD }
      dir = mkdtempSync(join(tmpdir(), 'crossdock-cli-pay-'))
      sdk = createClient({ baseUrl: server.url, username: 'admin', password: PASSWORD })
    })
    after(async () => {
      try {
        await server?.stop()
      } finally {
        await database?.drop()
      }
    })

    it('should pay by method, then by check for the balance, and print the state', async () => {
      const id = await sdk.orders.create(orderOf(2, 25))
      const cash = await run(
        'orders',
        'pay',
        String(id),
        '--method',
        'Cash',
        '--amount',
        '20',
        '--reference',
        'R-9',
      )
      assert.equal(cash.code, 0, cash.stderr)
      assert.equal(cash.stdout, `order ${id}: payment status 70, received 20 of 50, due 30\n`)
      const checkRun = await run('orders', 'pay', String(id), '--check', '1044', '--json')
      assert.equal(checkRun.code, 0, checkRun.stderr)
      const state = JSON.parse(checkRun.stdout)
      assert.equal(state.PaymentStatus, 30)
      assert.equal(state.PaymentOptions.RemainingDues, 0)
      const order = await sdk.orders.get(id)
      assert.deepEqual(
        order.Payments.map((p) => [p.PaymentMethod, p.PaidAmount, p.TransactionReferenceNumber]),
        [
          [4, 20, 'R-9'],
          [3, 30, '1044'],
        ],
      )
    })

    it('should fail with one line for a refused payment or a missing method', async () => {
      const id = await sdk.orders.create(orderOf(1, 5))
      const over = await run('orders', 'pay', String(id), '--method', 'Wire', '--amount', '6')
      assert.equal(over.code, 1, over.stdout)
      assert.match(over.stderr, /^crossdock: .*overpayments are not accepted/)
      assert.equal(over.stderr.trimEnd().split('\n').length, 1)
      const none = await run('orders', 'pay', String(id))
      assert.equal(none.code, 1)
      assert.match(none.stderr, /--method/)
      assert.equal((await sdk.orders.get(id)).Payments.length, 0)
    })

    it('should add a note with a category', async () => {
      const id = await sdk.orders.create(orderOf(1))
      const res = await run(
        'orders',
        'note',
        String(id),
        'Leave at the door',
        '--category',
        'Customer_Instructions',
      )
      assert.equal(res.code, 0, res.stderr)
      assert.equal(res.stdout, `note added to order ${id}\n`)
      const notes = await sdk.orders.notes(id)
      assert.deepEqual(
        notes.map((n) => [n.Category, n.Note]),
        [[1, 'Leave at the door']],
      )
    })
  })
}
