import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createClient, type CrossdockClient } from '../../packages/client/src/index.ts'
import { testDialects, type TestDialect } from '../helpers/dialects.ts'
import { orderBody, orderLine, poLine, unitBody } from '../helpers/factories.ts'
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'
import { CLI_ADMIN_PASSWORD, runCli, type CliRun } from '../helpers/cli-server.ts'

// The `crossdock` CLI run as processes (bin/crossdock.js) against a started server.

function oneErrorLine(run: CliRun, pattern: RegExp): void {
  assert.equal(run.code, 1, run.stdout + run.stderr)
  const lines = run.stderr.trimEnd().split('\n')
  assert.equal(lines.length, 1, run.stderr)
  assert.match(lines[0]!, /^crossdock: /)
  assert.match(lines[0]!, pattern)
}

const ORDER = orderBody([orderLine('WIDGET-RED', 2), orderLine('KIT-STARTER', 1)], {
  customer: { Email: 'cli@example.com', FirstName: 'Cli', LastName: 'User' },
  details: { OrderSourceOrderID: 'CLI-1' },
})

const dialects = testDialects()
// 10,000 orders on SQLite; PostgreSQL gets the same checks on 1,000, which keeps the file within
// about two minutes on a shared two-core machine (the server, not the CLI, sets the pace).
const importSize = (dialect: TestDialect) => (dialect === 'sqlite' ? 10_000 : 1_000)

for (const dialect of dialects) {
  describe(`crossdock CLI against a server process [${dialect}]`, () => {
    let server: ServerProcess
    let database: ScratchDatabase
    let env: Record<string, string>
    let dir: string
    let sdk: CrossdockClient
    const run = (...args: string[]) => runCli(args, env, dir)

    before(async () => {
      database = await scratchDatabase(dialect, 'cli')
      server = await startServerProcess({
        DATABASE_URL: database.url,
        CROSSDOCK_ADMIN_PASSWORD: CLI_ADMIN_PASSWORD,
        CROSSDOCK_RATE_LIMIT: 'off',
        CROSSDOCK_SQLITE_SYNCHRONOUS: 'OFF',
        LOG_LEVEL: 'warn',
      })
      env = {
        CROSSDOCK_URL: server.url,
        CROSSDOCK_USERNAME: 'admin',
        CROSSDOCK_PASSWORD: CLI_ADMIN_PASSWORD,
      }
      dir = mkdtempSync(join(tmpdir(), 'crossdock-cli-cwd-'))
      sdk = createClient({ baseUrl: server.url, username: 'admin', password: CLI_ADMIN_PASSWORD })
    })
    after(async () => {
      try {
        await server?.stop()
      } finally {
        await database?.drop()
      }
    })

    it('should list every command in --help', async () => {
      const top = await run('--help')
      assert.equal(top.code, 0)
      for (const command of ['serve', 'migrate', 'seed', 'token', 'orders', 'po', 'import']) {
        assert.match(top.stdout, new RegExp(`^  ${command}\\b`, 'm'), command)
      }
      const orders = await run('orders', '--help')
      for (const command of ['create', 'get', 'list', 'link']) {
        assert.match(orders.stdout, new RegExp(`^  ${command}\\b`, 'm'), command)
      }
      const po = await run('po', '--help')
      for (const command of ['create', 'get', 'list', 'track', 'receive']) {
        assert.match(po.stdout, new RegExp(`^  ${command}\\b`, 'm'), command)
      }
      const imp = await run('import', 'orders', '--help')
      assert.match(imp.stdout, /--concurrency/)
      assert.match(imp.stdout, /env: CROSSDOCK_URL/)
    })

    it('should print a token, and its whole answer with --json', async () => {
      const plain = await run('token')
      assert.equal(plain.code, 0, plain.stderr)
      assert.match(plain.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/)
      const json = await run('token', '--json')
      assert.equal(JSON.parse(json.stdout).token_type, 'Bearer')
    })

    it('should take settings from flags over env over a config file', async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'crossdock-cli-conf-'))
      const file = join(cwd, 'conf.json')
      writeFileSync(
        file,
        JSON.stringify({ url: server.url, username: 'admin', password: CLI_ADMIN_PASSWORD }),
      )
      const fromFile = await runCli(['orders', 'list', '--json', '--config', file], {}, cwd)
      assert.equal(fromFile.code, 0, fromFile.stderr)
      assert.equal(typeof JSON.parse(fromFile.stdout).TotalResults, 'number')
      // ./crossdock.config.json is found without --config; env beats it, a flag beats env.
      writeFileSync(
        join(cwd, 'crossdock.config.json'),
        JSON.stringify({ url: server.url, username: 'admin', password: 'wrong' }),
      )
      oneErrorLine(
        await runCli(['token'], {}, cwd),
        /400 INVALID_GRANT: The user name or password is incorrect/,
      )
      assert.equal(
        (await runCli(['token'], { CROSSDOCK_PASSWORD: CLI_ADMIN_PASSWORD }, cwd)).code,
        0,
      )
      assert.equal(
        (
          await runCli(
            ['token', '--password', CLI_ADMIN_PASSWORD],
            { CROSSDOCK_PASSWORD: 'wrong' },
            cwd,
          )
        ).code,
        0,
      )
      oneErrorLine(await runCli(['token'], { CROSSDOCK_URL: server.url }, dir), /no credentials/)
    })

    it('should run the crossdock flow: create, get, list, link, track, receive', async () => {
      writeFileSync(join(dir, 'order.json'), JSON.stringify(ORDER))
      const created = await run('orders', 'create', 'order.json', '--json')
      assert.equal(created.code, 0, created.stderr)
      const orderId = JSON.parse(created.stdout).OrderID as number

      const table = await run('orders', 'get', String(orderId))
      assert.equal(table.code, 0, table.stderr)
      assert.match(table.stdout, /^OrderSourceOrderID:\s+CLI-1$/m)
      assert.match(table.stdout, /^\s+\d+\s+WIDGET-RED\s+2\s/m)

      const listed = JSON.parse(
        (await run('orders', 'list', '--email', 'cli@example.com', '--json')).stdout,
      )
      assert.deepEqual(
        listed.Items.map((o: { ID: number }) => o.ID),
        [orderId],
      )
      const listTable = await run('orders', 'list', '--ids', String(orderId))
      assert.match(listTable.stdout, /^1 of 1 orders$/m)

      const linked = await run('orders', 'link', String(orderId), '--vendor', '2', '--json')
      assert.equal(linked.code, 0, linked.stderr)
      const poId = JSON.parse(linked.stdout).PoID as number
      const po = JSON.parse((await run('po', 'get', String(poId), '--json')).stdout)
      assert.ok(
        po.Items.length > 0 &&
          po.Items.every((i: { RelatedOrderID: number }) => i.RelatedOrderID === orderId),
      )
      assert.equal((await sdk.orders.get(orderId)).Statuses.DropshipStatus, 1)

      const tracked = await run(
        'po',
        'track',
        String(poId),
        '--tracking',
        '1Z999AA1',
        '--carrier',
        'UPS',
      )
      assert.equal(tracked.code, 0, tracked.stderr)
      assert.equal((await sdk.purchaseOrders.get(poId)).Statuses.ShippingStatus, 2)

      const received = await run('po', 'receive', String(poId))
      assert.equal(received.code, 0, received.stderr)
      assert.match(received.stdout, /ReceivingStatus FullyReceived/)
      const order = JSON.parse((await run('orders', 'get', String(orderId), '--json')).stdout)
      assert.equal(order.Statuses.DropshipStatus, 0)
      oneErrorLine(await run('po', 'receive', String(poId)), /nothing left to receive/)
    })

    it('should create, get and list purchase orders', async () => {
      writeFileSync(
        join(dir, 'po.json'),
        JSON.stringify(
          unitBody({ DefaultWarehouseID: 1, Products: [poLine('WIDGET-BLUE', 4, 2.5)] }),
        ),
      )
      const created = await run('po', 'create', 'po.json')
      assert.equal(created.code, 0, created.stderr)
      const id = Number(/created PO (\d+)/.exec(created.stdout)?.[1])
      const table = await run('po', 'get', String(id))
      assert.match(table.stdout, /^GrandTotal:\s+10$/m)
      const list = JSON.parse((await run('po', 'list', '--ids', String(id), '--json')).stdout)
      assert.equal(list.TotalResults, 1)
      assert.equal(list.Items[0].VendorID, 1)
      const partial = await run(
        'po',
        'receive',
        String(id),
        '--item',
        `${(await sdk.purchaseOrders.get(id)).Items[0]!.ID}:1`,
      )
      assert.match(partial.stdout, /received 1 units on 1 lines; ReceivingStatus PartiallyReceived/)
    })

    it('should fail with exit code 1 and one clear line', async () => {
      oneErrorLine(
        await run('orders', 'get', '999999'),
        /404 ORDER_NOT_FOUND: Order 999999 was not found\. \(request [\w-]+\)/,
      )
      writeFileSync(
        join(dir, 'bad-po.json'),
        JSON.stringify(unitBody({ POType: 0, Products: [poLine('WIDGET-RED', 0, 1)] })),
      )
      oneErrorLine(
        await run('po', 'create', 'bad-po.json'),
        /400 VALIDATION: .*Products\[0\]\.QtyUnitsOrdered/,
      )
      oneErrorLine(await run('orders', 'get', 'abc'), /order ID must be a positive whole number/)
      oneErrorLine(await run('orders', 'create', 'missing.json'), /cannot read missing\.json/)
      oneErrorLine(await run('orders', 'link', '1'), /exactly one of --vendor/)
      oneErrorLine(
        await runCli(['orders', 'list'], { ...env, CROSSDOCK_URL: 'http://127.0.0.1:9' }, dir),
        /no answer from the server/,
      )
    })

    it(`should import ${importSize(dialect)} orders from CSV, reporting the failure in the middle at its line`, async () => {
      const count = importSize(dialect)
      const bad = count / 2
      const email = `bulk-${dialect}@example.com`
      const rows = [
        'OrderSourceOrderID,CompanyID,Channel,Email,FirstName,LastName,ProductID,Qty,SitePrice,ShippingAddress.City',
      ]
      for (let i = 1; i <= count; i += 1) {
        rows.push(
          `BULK-${i},1,Website,${email},Bulk,Buyer,${i === bad ? 'NO-SUCH-SKU' : 'WIDGET-RED'},1,9.5,"Paris, FR"`,
        )
      }
      writeFileSync(join(dir, 'orders.csv'), `${rows.join('\n')}\n`)
      const started = Date.now()
      const result = await run('import', 'orders', 'orders.csv', '--json', '--concurrency', '8')
      const seconds = (Date.now() - started) / 1000
      assert.equal(result.code, 1, result.stderr)
      assert.match(result.stderr, /^crossdock: import orders: 1 of \d+ orders failed/)
      const report = JSON.parse(result.stdout)
      assert.equal(report.total, count)
      assert.equal(report.created, count - 1)
      assert.equal(report.failed, 1)
      assert.equal(report.failures[0].line, bad + 1, 'the header is line 1')
      assert.equal(report.failures[0].status, 400)
      assert.match(report.failures[0].message, /Products\[0\]\.ProductID.*NO-SUCH-SKU/)
      const stored = await sdk.orders.list({ customerEmail: email, pageSize: 1 })
      assert.equal(stored.TotalResults, count - 1)
      const missing = await sdk.orders.list({ orderSourceOrderIDList: [`BULK-${bad}`] })
      assert.equal(missing.TotalResults, 0)
      const neighbour = await sdk.orders.list({ orderSourceOrderIDList: [`BULK-${bad + 1}`] })
      assert.equal(neighbour.TotalResults, 1)
      process.stdout.write(`# imported ${count} orders in ${seconds.toFixed(1)} s [${dialect}]\n`)
    })

    it('should import POs from JSON and CSV with a table report by line', async () => {
      const pos = [1, 2, 3, 4].map((n) =>
        unitBody({
          VendorID: 2,
          POType: 0,
          Products: [poLine(n === 3 ? 'NOPE' : 'GADGET-PRO', n, 30)],
        }),
      )
      writeFileSync(join(dir, 'pos.json'), JSON.stringify(pos, null, 2))
      const json = await run('import', 'pos', 'pos.json', '--progress')
      assert.equal(json.code, 1)
      assert.match(json.stderr, /\[#{30}\] 4\/4 {2}failed 1\n/)
      const element3 =
        JSON.stringify(pos, null, 2)
          .split('\n')
          .findIndex(
            (l, i, all) => l === '  {' && all.slice(0, i).filter((x) => x === '  {').length === 2,
          ) + 1
      assert.match(json.stdout, /^pos\.json: 4 purchase orders, 3 created, 1 failed$/m)
      assert.match(
        json.stdout,
        new RegExp(`^line ${element3}: 400 VALIDATION: .*Products\\[0\\]\\.ProductID`, 'm'),
      )

      writeFileSync(
        join(dir, 'pos.csv'),
        [
          'PoRef,CompanyID,VendorID,ProductID,QtyUnitsOrdered,UnitPrice',
          'A,1,3,WIDGET-RED,5,4',
          'A,1,3,CASE-SLIM,2,1.5',
          'B,1,3,WIDGET-RED,x,4',
          '',
        ].join('\n'),
      )
      const csv = await run('import', 'pos', 'pos.csv', '--json')
      const report = JSON.parse(csv.stdout)
      assert.equal(report.created, 1)
      assert.deepEqual(
        report.failures.map((f: { line: number; code: string }) => [f.line, f.code]),
        [[4, 'INVALID_ROW']],
      )
      const po = await sdk.purchaseOrders.get(report.ids[0].id)
      assert.deepEqual(
        po.Items.map((i) => [i.ProductID, i.QtyOrdered]),
        [
          ['WIDGET-RED', 5],
          ['CASE-SLIM', 2],
        ],
      )
    })
  })
}
