import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { type CreateOrderRequest } from '../../packages/client/src/index.ts'
import { commandPaths } from '../../src/cli/command-tree.ts'
import { enumName, enumNumber } from '../../src/cli/commands/enum-names.ts'
import { ORDER_STATUS } from '../../src/modules/orders/index.ts'
import { testDialects } from '../helpers/dialects.ts'
import { unitBody } from '../helpers/factories.ts'
import { runCli, useCliServer } from '../helpers/cli-server.ts'
import { systemNode } from './launched-server.ts'

// What the CLI prints for people: enum names in tables (numbers with --json), every command in
// --help, the OpenAPI document on standard output, and a quiet end when a pipe closes early.

const BIN = fileURLToPath(new URL('../../bin/crossdock.js', import.meta.url))

/**
 * `sh -c 'crossdock <args> | head -c 10'` under `node`: what head printed, crossdock's stderr and
 * exit status (POSIX sh has no PIPESTATUS: the left side writes its status to a file).
 */
async function intoShortPipe(
  args: string[],
  env: Record<string, string>,
  node = process.execPath,
): Promise<{ status: number; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'crossdock-epipe-'))
  const script = '{ "$NODE" "$BIN" "$@" 2>"$DIR/err"; echo $? >"$DIR/status"; } | head -c 10'
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn('sh', ['-c', script, 'sh', ...args], {
      env: { ...process.env, ...env, NODE: node, BIN, DIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.on('error', reject)
    child.on('exit', () => resolve(out))
  })
  return {
    status: Number(readFileSync(join(dir, 'status'), 'utf8')),
    stdout,
    stderr: readFileSync(join(dir, 'err'), 'utf8'),
  }
}

describe('CLI output helpers', () => {
  it('should name enum values from the server’s value objects, and parse names back', () => {
    assert.equal(enumName(ORDER_STATUS, 2), 'InProcess')
    assert.equal(enumName(ORDER_STATUS, -1), 'Canceled')
    assert.equal(enumName(ORDER_STATUS, 12345), 12345)
    assert.equal(enumName(ORDER_STATUS, null), undefined)
    assert.equal(enumNumber(ORDER_STATUS, 'in-process'), 2)
    assert.equal(enumNumber(ORDER_STATUS, 'ONHOLD'), 200)
    assert.equal(enumNumber(ORDER_STATUS, '999'), 999)
    assert.equal(enumNumber(ORDER_STATUS, '4'), undefined)
    assert.equal(enumNumber(ORDER_STATUS, 'Shipped'), undefined)
  })

  it('should list every registered command, nested groups included, in --help', async () => {
    const { program } = await import('../../src/cli/index.ts')
    const paths = commandPaths(program)
    assert.ok(
      paths.some((p) => p.join(' ') === 'po tracking add'),
      'the tree has nested groups',
    )
    const help = await runCli(['--help'], {}, process.cwd())
    assert.equal(help.code, 0, help.stderr)
    const listed = help.stdout
      .slice(help.stdout.indexOf('Every command'))
      .split('\n')
      .slice(1)
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim().split(/\s+(?=[<[])|\s{2,}/)[0])
    assert.deepEqual(
      listed,
      paths.map((p) => p.join(' ')),
    )
  })

  it('should write the OpenAPI document to standard output without --out', async () => {
    const run = await runCli(['openapi'], {}, process.cwd())
    assert.equal(run.code, 0, run.stderr)
    const doc = JSON.parse(run.stdout) as { openapi: string; paths: Record<string, unknown> }
    assert.match(doc.openapi, /^3\./)
    assert.ok('/rest/api/Orders' in doc.paths, Object.keys(doc.paths).slice(0, 5).join(', '))
  })

  it('should end quietly with status 0 when the reader of a large output goes away', async () => {
    const piped = await intoShortPipe(['openapi'], {})
    assert.equal(piped.stdout, '{\n  "opena')
    assert.equal(piped.stderr, '')
    assert.equal(piped.status, 0)
    // Through the launcher (a Node older than 24 re-runs the CLI as its child) too.
    const node = systemNode()
    if (node !== undefined) {
      assert.deepEqual(await intoShortPipe(['openapi'], {}, node), piped)
    }
  })
})

for (const dialect of testDialects()) {
  describe(`crossdock tables name enum values [${dialect}]`, () => {
    const cli = useCliServer(dialect, 'cli_output')
    const run = (...args: string[]) => cli.run(...args)
    const order: CreateOrderRequest = {
      CustomerDetails: { Email: 'cli-output@example.com', FirstName: 'Cli', LastName: 'Output' },
      OrderDetails: { CompanyID: 1, Channel: 6 },
      Products: [{ ProductID: 'WIDGET-RED', Qty: 1 }],
    }

    it('should show order statuses by name in tables and as numbers with --json', async () => {
      const id = await cli.sdk.orders.create(order)
      await cli.sdk.orders.setStatus({ Orders: [id], Status: 200 })
      const list = await run('orders', 'list', '--ids', String(id))
      assert.equal(list.code, 0, list.stderr)
      assert.match(
        list.stdout,
        /^ID\s+Company\s+Channel\s+.*Status\s+Dropship\s+Shipping\s+Payment\s/m,
      )
      assert.match(
        list.stdout,
        new RegExp(
          `^\\s*${id}\\s+1\\s+Website\\s+.*\\s+OnHold\\s+None\\s+Unshipped\\s+NoPayment\\s`,
          'm',
        ),
      )
      const got = await run('orders', 'get', String(id))
      assert.match(got.stdout, /^Channel:\s+Website$/m)
      assert.match(got.stdout, /^Status:\s+OnHold$/m)
      assert.match(got.stdout, /^DropshipStatus:\s+None$/m)
      assert.match(got.stdout, /^ShippingStatus:\s+Unshipped$/m)
      assert.match(got.stdout, /^PaymentStatus:\s+NoPayment$/m)
      const json = JSON.parse((await run('orders', 'list', '--ids', String(id), '--json')).stdout)
      assert.equal(json.Items[0].StatusCode, 200)
      assert.equal(json.Items[0].OrderSource, 6)
    })

    it('should show PO and container statuses by name', async () => {
      const { Id: poId } = await cli.sdk.purchaseOrders.create(unitBody() as never)
      const list = await run('po', 'list', '--ids', String(poId))
      assert.equal(list.code, 0, list.stderr)
      assert.match(
        list.stdout,
        new RegExp(`^\\s*${poId}\\s+1\\s+1\\s+Saved\\s+None\\s+None\\s+NoPayment\\s`, 'm'),
      )
      const received = await run('po', 'receive', String(poId))
      assert.equal(received.code, 0, received.stderr)
      assert.match(received.stdout, /ReceivingStatus FullyReceived, Status Received$/m)
      const got = await run('po', 'get', String(poId))
      assert.match(got.stdout, /^ReceivingStatus:\s+FullyReceived$/m)
      assert.match(got.stdout, /^PaymentStatus:\s+NoPayment$/m)
      const json = JSON.parse((await run('po', 'get', String(poId), '--json')).stdout)
      assert.equal(json.Statuses.ReceivingStatus, 2)

      const res = await fetch(`${cli.server.url}/admin/settings`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${await cli.sdk.token()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ EnableShippingContainers: true }),
      })
      assert.equal(res.status, 200, await res.text())
      const created = await run(
        'containers',
        'create',
        'CLI-NAMES',
        '--status',
        'not-shipped',
        '--json',
      )
      assert.equal(created.code, 0, created.stderr)
      const containerId = JSON.parse(created.stdout).Id as number
      const listed = await run('containers', 'list', '--ids', String(containerId))
      assert.match(
        listed.stdout,
        new RegExp(`^\\s*${containerId}\\s+CLI-NAMES\\s+\\d+\\s+\\d*\\s*NotShipped\\b`, 'm'),
      )
      const shown = await run('containers', 'get', String(containerId))
      assert.match(shown.stdout, /^ShippingStatus:\s+NotShipped$/m)
    })

    it('should end `orders list --all --json | head -c 10` quietly with status 0', async () => {
      // Enough orders that the output outgrows a pipe's buffer (64 KiB) many times over.
      await Promise.all(Array.from({ length: 40 }, () => cli.sdk.orders.create(order)))
      const full = await run('orders', 'list', '--all', '--json')
      assert.ok(full.stdout.length > 4 * 65536, `${full.stdout.length} bytes`)
      const piped = await intoShortPipe(['orders', 'list', '--all', '--json'], cli.env)
      assert.equal(piped.stdout, '{\n  "Items')
      assert.equal(piped.stderr, '')
      assert.equal(piped.status, 0)
      const table = await intoShortPipe(['orders', 'list', '--all'], cli.env)
      assert.equal(table.stderr, '')
      assert.equal(table.status, 0)
    })
  })
}
