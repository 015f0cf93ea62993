import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  alive,
  descendants,
  launch,
  plainPath,
  portRefused,
  systemNode,
  within,
} from '../cli/launched-server.ts'

// The `crossdock` command without the clone: `npm pack` of the root, installed with the system npm
// (Node 20 on PATH) into an empty project, run as `npx crossdock serve` and as the installed bin.
// Node 24 comes from the `node` dependency; the sources are TypeScript under node_modules.

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const node = systemNode()
const skip =
  node === undefined ? 'no Node older than 24 on PATH: the launcher path is not taken' : false

describe('the packed crossdock tarball, installed with the system npm', { skip }, () => {
  let project: string
  let env: Record<string, string | undefined>
  let tarball: string

  before(async () => {
    env = { ...process.env, PATH: plainPath(node!), npm_config_update_notifier: 'false' }
    for (const key of Object.keys(env).filter((k) => k.startsWith('npm_'))) {
      // The test runner may itself run under npm: its npm_* variables must not steer these npms.
      if (key !== 'npm_config_update_notifier') {
        delete env[key]
      }
    }
    const packed = mkdtempSync(join(tmpdir(), 'crossdock-pack-'))
    execFileSync('npm', ['pack', '--silent', '--pack-destination', packed], { cwd: ROOT, env })
    tarball = join(
      packed,
      readdirSync(packed).find((f) => f.endsWith('.tgz'))!,
    )
    project = mkdtempSync(join(tmpdir(), 'crossdock-tarball-'))
    // What README asks of a project: approve the `node` package's install script (it fetches the
    // Node 24 binary); npm 11 runs it anyway and warns, npm 12 will not run it unapproved.
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'tarball-check', private: true, allowScripts: { node: true } }),
    )
    const started = Date.now()
    const install = spawnSync(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=warn', tarball],
      { cwd: project, env, encoding: 'utf8' },
    )
    assert.equal(install.status, 0, install.stderr)
    const seconds = (Date.now() - started) / 1000
    process.stdout.write(
      `# tarball ${(statSync(tarball).size / 1024).toFixed(0)} KiB, npm install ${seconds.toFixed(1)} s\n`,
    )
    // Approved, the script runs without npm's "not yet covered by allowScripts" warning.
    assert.doesNotMatch(install.stderr, /install-scripts/)
  })
  it('should hold the sources and nothing of the tests, bench or docs', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n')
    assert.ok(files.includes('package/bin/crossdock.js'))
    assert.ok(files.includes('package/src/main.ts'))
    assert.ok(files.includes('package/packages/client/src/index.ts'))
    const stray = files.filter((f) =>
      /\.test\.ts$|^package\/(test|bench|docs|scripts|examples)\//.test(f),
    )
    assert.deepEqual(stray, [])
  })

  it('should run the installed bin under the system Node (the launcher finds Node 24)', () => {
    const bin = join(project, 'node_modules', '.bin', 'crossdock')
    const version = execFileSync(node!, [bin, '--version'], { cwd: project, env, encoding: 'utf8' })
    assert.equal(version.trim(), '0.1.0')
    const help = execFileSync(node!, [bin, '--help'], { cwd: project, env, encoding: 'utf8' })
    assert.match(help, /po tracking add <id>/)
  })

  it('should serve with `npx crossdock serve`, and free the port on SIGTERM to npx', async () => {
    const server = await launch('npx', ['--no-install', 'crossdock', 'serve'], {
      cwd: project,
      env,
    })
    const tree = descendants(server.child.pid!)
    try {
      const health = await fetch(`http://127.0.0.1:${server.port}/health`)
      assert.equal(health.status, 200)
      const token = await fetch(`http://127.0.0.1:${server.port}/rest/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Username: 'admin', Password: 'launch-admin-password' }),
      })
      assert.equal(token.status, 200, await token.text())
      server.child.kill('SIGTERM')
      assert.ok(
        await within(10_000, async () => await portRefused(server.port)),
        `port still open\n${server.output()}`,
      )
      assert.ok(
        await within(5_000, () => tree.every((p) => !alive(p))),
        `left running: ${tree.join(', ')}`,
      )
    } finally {
      for (const p of [server.child.pid!, ...tree].filter(alive)) {
        process.kill(p, 'SIGKILL')
      }
    }
  })
})
