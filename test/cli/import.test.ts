import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { testDialects } from '../helpers/dialects.ts'
import { poLine, unitBody } from '../helpers/factories.ts'
import { useCliServer } from '../helpers/cli-server.ts'

// `crossdock import` against a server process: orders whose rows disagree, every reason once at its
// line, --failed-out written in the input format and imported again, --skip-existing resuming.

const HEAD =
  'OrderSourceOrderID,CompanyID,Channel,Email,FirstName,LastName,ProductID,Qty,SitePrice,ShippingMethod'

interface Report {
  total: number
  created: number
  skipped: number
  failed: number
  ids: Array<{ line: number; id: number }>
  existing: Array<{ line: number; id: number }>
  failures: Array<{
    line: number
    lines?: number[]
    status: number | null
    code: string
    message: string
  }>
}

for (const dialect of testDialects()) {
  describe(`crossdock import [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cliimport', { CROSSDOCK_SQLITE_SYNCHRONOUS: 'OFF' })
    const file = (name: string, text: string) => writeFileSync(join(cli.dir, name), text)
    const read = (name: string) => readFileSync(join(cli.dir, name), 'utf8')
    const countOf = async (id: string) => (await cli.sdk.orders.list({ keyword: id })).TotalResults
    const p = dialect.slice(0, 2)

    it('should list --skip-existing and --failed-out in the help', async () => {
      const orders = await cli.run('import', 'orders', '--help')
      assert.match(orders.stdout, /--skip-existing/)
      assert.match(orders.stdout, /--failed-out <file>/)
      assert.match(orders.stdout, /must agree on its order-level columns/)
      const pos = await cli.run('import', 'pos', '--help')
      assert.match(pos.stdout, /--failed-out <file>/)
      assert.doesNotMatch(pos.stdout, /--skip-existing/)
    })

    it('should fail only the orders that disagree or are invalid, once per reason, and write their rows back', async () => {
      const rows = [
        HEAD,
        `${p}-A,1,Website,a@x.com,A,B,WIDGET-RED,1,9.5,Ground`, // 2
        `${p}-B,1,Website,b@x.com,A,B,WIDGET-RED,1,9.5,Ground`, // 3
        `${p}-A,1,Website,a@x.com,A,B,GADGET-PRO,2,30,`, // 4
        `${p}-C,1,Website,c@x.com,A,B,WIDGET-RED,one,9.5,Ground`, // 5
        `${p}-D,1,Website,d@x.com,A,B,NO-SUCH-1,1,9.5,Ground`, // 6
        `${p}-B,1,Website,b@x.com,A,B,GADGET-PRO,1,30,Express`, // 7
        `${p}-D,1,Website,d@x.com,A,B,WIDGET-RED,1,9.5,Ground`, // 8
        `${p}-C,1,Website,c@x.com,A,B,GADGET-PRO,1,30,Air`, // 9
        `${p}-D,1,Website,d@x.com,A,B,NO-SUCH-2,1,9.5,Ground`, // 10
        `${p}-A,1,Website,a@x.com,A,B,CABLE-USB-C,1,4,Ground`, // 11
        `"${p}-E,1",1,Website,e@x.com,A,B,WIDGET-RED,1,9.5,Ground`, // 12
      ]
      file('orders.csv', `${rows.join('\n')}\n`)
      const run = await cli.run(
        'import',
        'orders',
        'orders.csv',
        '--json',
        '--failed-out',
        'failed.csv',
      )
      assert.equal(run.code, 1, run.stderr)
      assert.match(run.stderr, /^crossdock: import orders: 3 of 5 orders failed/)
      const report = JSON.parse(run.stdout) as Report
      assert.deepEqual([report.total, report.created, report.skipped, report.failed], [5, 2, 0, 3])
      assert.deepEqual(
        report.ids.map((i) => i.line),
        [2, 12],
      )
      assert.deepEqual(
        report.failures.map((f) => [f.line, f.status, f.code]),
        [
          [3, null, 'ROWS_DISAGREE'],
          [5, null, 'INVALID_ROW'],
          [5, null, 'ROWS_DISAGREE'],
          [6, 400, 'VALIDATION'],
          [10, 400, 'VALIDATION'],
        ],
      )
      assert.equal(
        report.failures[0]?.message,
        'line 3 and line 7 disagree on ShippingMethod: "Ground" vs "Express"',
      )
      assert.deepEqual(report.failures[0]?.lines, [3, 7])
      assert.equal(report.failures[1]?.message, "Qty: 'one' is not a whole number")
      assert.match(report.failures[3]?.message ?? '', /^Products\[0\]\.ProductID: .*NO-SUCH-1/)
      assert.match(report.failures[4]?.message ?? '', /^Products\[2\]\.ProductID: .*NO-SUCH-2/)
      // Nothing of a failed order was sent; the others were created whole.
      for (const id of [`${p}-B`, `${p}-C`, `${p}-D`]) {
        assert.equal(await countOf(id), 0, id)
      }
      const a = await cli.sdk.orders.get(report.ids[0]!.id)
      assert.deepEqual(
        a.OrderItems.map((i) => i.ProductID),
        ['WIDGET-RED', 'GADGET-PRO', 'CABLE-USB-C'],
      )
      assert.equal(
        read('failed.csv'),
        `${[HEAD, ...[3, 5, 6, 7, 8, 9, 10].map((n) => rows[n - 1])].join('\n')}\n`,
      )

      // The same file again: each order that exists fails once (not once per row), and the table
      // prints every reason once.
      const again = await cli.run('import', 'orders', 'orders.csv')
      assert.equal(again.code, 1)
      assert.match(again.stdout, /^orders\.csv: 5 orders, 0 created, 5 failed$/m)
      const lines = again.stdout.trimEnd().split('\n').slice(1)
      assert.equal(lines.length, 7, again.stdout)
      assert.equal(new Set(lines).size, 7, 'no reason printed twice')
      assert.equal(lines.filter((l) => l.includes('already exists')).length, 2, again.stdout)
      assert.match(
        lines[0]!,
        /^line 2: 500 DUPLICATE_ORDER_SOURCE_ORDER_ID: OrderDetails\.OrderSourceOrderID: /,
      )
      assert.equal(await countOf(`${p}-A`), 1)

      // --skip-existing resumes: the created ones are skipped, the failed ones fail again.
      const resumed = await cli.run(
        'import',
        'orders',
        'orders.csv',
        '--skip-existing',
        '--failed-out',
        'failed.csv',
      )
      assert.equal(resumed.code, 1)
      assert.match(
        resumed.stdout,
        /^orders\.csv: 5 orders, 0 created, skipped 2 existing, 3 failed$/m,
      )
      assert.match(resumed.stdout, /^wrote 3 failed orders \(7 rows\) to failed\.csv$/m)

      // Fix the failed rows, import them, and the failed-out file keeps only its header.
      file(
        'failed.csv',
        read('failed.csv')
          .replace(',Express', ',Ground')
          .replace(',one,', ',1,')
          .replace(',Air', ',')
          .replace('NO-SUCH-1', 'CASE-SLIM')
          .replace('NO-SUCH-2', 'KIT-STARTER'),
      )
      const fixed = await cli.run(
        'import',
        'orders',
        'failed.csv',
        '--json',
        '--skip-existing',
        '--failed-out',
        'failed.csv',
      )
      assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr)
      const done = JSON.parse(fixed.stdout) as Report
      assert.deepEqual([done.total, done.created, done.skipped, done.failed], [3, 3, 0, 0])
      assert.equal(read('failed.csv'), `${HEAD}\n`)
      const d = await cli.sdk.orders.get(done.ids[2]!.id)
      assert.deepEqual(
        d.OrderItems.map((i) => i.ProductID),
        ['CASE-SLIM', 'WIDGET-RED', 'KIT-STARTER'],
      )
      for (const id of ['A', 'B', 'C', 'D', 'E,1']) {
        assert.equal(await countOf(`${p}-${id}`), 1, id)
      }
    })

    it('should skip existing orders looked up in batches, by channel name or number, JSON Lines too', async () => {
      const count = 120
      const rows = [HEAD]
      for (let i = 1; i <= count; i += 1) {
        rows.push(
          `${p}-BATCH-${i},1,${i % 2 === 0 ? 'Website' : '6'},batch@x.com,A,B,WIDGET-RED,1,9.5,`,
        )
      }
      file('batch.csv', `${rows.join('\n')}\n`)
      const first = await cli.run('import', 'orders', 'batch.csv', '--json')
      assert.equal(first.code, 0, first.stderr)
      const firstIds = (JSON.parse(first.stdout) as Report).ids
      // Rows 1..60 again with the channel spelt the other way, and a new one.
      const again = rows
        .slice(0, 61)
        .map((r, i) =>
          i === 0 ? r : r.replace(',Website,', ',website,').replace(',6,', ',Website,'),
        )
      again.push(`${p}-BATCH-NEW,1,Amazon,batch@x.com,A,B,WIDGET-RED,1,9.5,`)
      file('again.csv', `${again.join('\n')}\n`)
      const second = await cli.run('import', 'orders', 'again.csv', '--json', '--skip-existing')
      assert.equal(second.code, 0, second.stderr)
      const report = JSON.parse(second.stdout) as Report
      assert.deepEqual(
        [report.total, report.created, report.skipped, report.failed],
        [61, 1, 60, 0],
      )
      assert.deepEqual(
        report.existing.map((e) => e.id),
        firstIds.slice(0, 60).map((e) => e.id),
      )
      // The same ID on another channel is another order.
      file('other.csv', `${HEAD}\n${p}-BATCH-1,1,Amazon,batch@x.com,A,B,WIDGET-RED,1,9.5,\n`)
      const other = await cli.run('import', 'orders', 'other.csv', '--skip-existing')
      assert.match(other.stdout, /1 created, skipped 0 existing, 0 failed$/m)

      const body = (id: string, sku = 'WIDGET-RED') =>
        JSON.stringify({
          orderdetails: { companyid: 1, channel: 'Website', ordersourceorderid: ` ${id} ` },
          CustomerDetails: { Email: 'j@x.com', FirstName: 'J', LastName: 'L' },
          Products: [{ ProductID: sku, Qty: 1, SitePrice: 1 }],
        })
      const jsonl = [body(`${p}-BATCH-2`), 'not json', body(`${p}-J1`), body(`${p}-J2`, 'NOPE')]
      file('orders.jsonl', `${jsonl.join('\n')}\n`)
      const json = await cli.run(
        'import',
        'orders',
        'orders.jsonl',
        '--skip-existing',
        '--failed-out',
        'failed.jsonl',
      )
      assert.equal(json.code, 1)
      assert.match(
        json.stdout,
        /^orders\.jsonl: 4 orders, 1 created, skipped 1 existing, 2 failed$/m,
      )
      assert.match(json.stdout, /^line 2: INVALID_ROW: not valid JSON/m)
      assert.match(json.stdout, /^line 4: 400 VALIDATION: Products\[0\]\.ProductID: .*NOPE/m)
      assert.equal(read('failed.jsonl'), `not json\n${jsonl[3]}\n`)
    })

    it('should write failed PO elements of a JSON array as given', async () => {
      const pos = [1, 2, 3].map((n) =>
        unitBody({
          VendorID: 2,
          POType: 0,
          Products: [poLine(n === 2 ? 'NOPE' : 'GADGET-PRO', n, 30)],
        }),
      )
      const text = JSON.stringify(pos, null, 2)
      file('pos.json', text)
      const run = await cli.run('import', 'pos', 'pos.json', '--failed-out', 'failed.json')
      assert.equal(run.code, 1)
      assert.match(run.stdout, /^pos\.json: 3 purchase orders, 2 created, 1 failed$/m)
      const element = JSON.stringify([pos[1]], null, 2)
      assert.equal(read('failed.json'), `${element}\n`)
      assert.deepEqual(JSON.parse(read('failed.json')), [pos[1]])
      assert.match(run.stdout, /^wrote 1 failed purchase orders to failed\.json$/m)
      const unwritable = await cli.run(
        'import',
        'pos',
        'pos.json',
        '--failed-out',
        'no/such/f.json',
      )
      assert.match(unwritable.stdout, /^pos\.json: 3 purchase orders, 2 created, 1 failed$/m)
      assert.match(
        unwritable.stderr,
        /^crossdock: cannot write --failed-out no\/such\/f\.json: ENOENT/,
      )
    })
  })
}
