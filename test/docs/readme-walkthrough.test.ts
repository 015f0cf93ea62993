// The README's curl walk-throughs, run as written against a fresh server so they cannot drift: every
// ```sh block that calls curl, in README order, in one shell. The server is started the way the README
// says: a first `npm start` (generated password), then a later one with CROSSDOCK_ADMIN_PASSWORD=secret123.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { startServerProcess } from '../helpers/server-process.ts'

const README = fileURLToPath(new URL('../../README.md', import.meta.url))
const DOCUMENTED_ORIGIN = 'http://127.0.0.1:8080'

/** The shell blocks of the README that talk to the server, in order. */
export function curlBlocks(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!)
  return blocks.filter((block) => /(^|\s|\$\()curl\s/m.test(block))
}

const CURL_LOG_SH = fileURLToPath(new URL('./curl-log.sh', import.meta.url))

describe('README curl walk-throughs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossdock-readme-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('should find the walk-throughs (60 seconds, crossdock flow, stock, order lifecycle)', () => {
    const blocks = curlBlocks(readFileSync(README, 'utf8'))
    assert.ok(blocks.length >= 4, `found ${blocks.length} curl blocks`)
    assert.ok(blocks.some((b) => b.includes('/LinkToPo')))
    assert.ok(blocks.some((b) => b.includes('/Orders/ShippingStatus')))
  })

  it('should run every curl block verbatim: first start, then a start with the documented password', async () => {
    const database = `sqlite:${join(dir, 'crossdock.db')}`
    // First start, as `npm ci && npm start` on the first screen: the admin gets a generated password.
    const first = await startServerProcess({ DATABASE_URL: database, CROSSDOCK_ADMIN_PASSWORD: '' })
    assert.match(first.stdout() + first.stderr(), /password/i)
    assert.equal(await first.stop(), 0)

    // Later start, as the walk-through says: CROSSDOCK_ADMIN_PASSWORD=secret123 npm start.
    const server = await startServerProcess({
      DATABASE_URL: database,
      CROSSDOCK_ADMIN_PASSWORD: 'secret123',
    })
    try {
      const blocks = curlBlocks(readFileSync(README, 'utf8'))
      const script = join(dir, 'walkthrough.sh')
      const log = join(dir, 'curl.log')
      writeFileSync(
        script,
        ['set -euo pipefail', `source '${CURL_LOG_SH}'`, ...blocks]
          .join('\n')
          .replaceAll(DOCUMENTED_ORIGIN, server.url),
      )
      writeFileSync(log, '')
      const run = spawnSync('bash', [script], {
        env: { ...process.env, CURL_LOG: log },
        encoding: 'utf8',
        timeout: 120_000,
      })
      const output = `${run.stdout}\n${run.stderr}`
      assert.equal(run.status, 0, output)

      const calls = readFileSync(log, 'utf8').trim().split('\n')
      assert.ok(calls.length >= 25, `only ${calls.length} curl calls ran\n${output}`)
      // Every call answers 2xx but the three the README shows failing, in this order: the call
      // without a token, the order a fault answers 500 after writing it, and the call whose token
      // the clock jump expired.
      const api = `${server.url}/rest/api`
      const failures = calls
        .map((call) => call.split(' '))
        .filter(([status]) => !/^2\d\d$/.test(status!))
        .map(([status, method, url, auth]) => `${status} ${method} ${url} ${auth}`)
      assert.deepEqual(
        failures,
        [
          `401 GET ${api}/Companies noauth`,
          `500 POST ${api}/Orders auth`,
          `401 GET ${api}/Companies auth`,
        ],
        output,
      )
      // The dropship flow ends with the order released: DropshipStatus 0 (None) printed on its own line.
      assert.ok(
        run.stdout.split('\n').includes('0'),
        `the released DropshipStatus (0) was not printed\n${output}`,
      )
      assert.doesNotMatch(run.stdout, /"Code":"VALIDATION"/, output)
      // The testing guide ends by restoring the snapshot taken right after its reset: no orders.
      assert.equal(run.stdout.trim().split('\n').at(-1), '{"Items":[],"TotalResults":0}', output)
    } finally {
      await server.stop()
    }
  })
})
