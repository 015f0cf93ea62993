import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { foreignReferences } from '../../packages/client/scripts/dist-check.ts'
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts'
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts'
import { consumerFiles } from './consumer-files.ts'
import { findSystemNode, run } from './system-node.ts'

// @crossdock/client as a user gets it: built, packed with `npm pack`, installed from the tarball into
// an empty project by the machine's own npm and Node (not the pinned Node 24), then used from plain
// JavaScript (ESM and CommonJS) against a real server, and from TypeScript through its `.d.ts`.
// No database dialect of its own: it runs once, on SQLite. CROSSDOCK_TEST_CONSUMER_NODE runs the
// JavaScript with another Node (e.g. an 18.0 binary) to check the floor by hand.

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PACKAGE = join(ROOT, 'packages/client')
const PASSWORD = 'package-admin-password'
const system = await findSystemNode()

interface PackResult {
  filename: string
  size: number
  unpackedSize: number
  files: Array<{ path: string }>
}

interface FlowResult {
  node: string
  orderId: number
  sourceOrderId: string
  dropshipBefore: number
  dropshipAfter: number
  poId: number
  poLines: Array<[string, number]>
  missing: { notFound: boolean; apiError: boolean; status: number }
}

describe(
  '@crossdock/client packed, installed and used by the system Node',
  { skip: system === undefined && 'no system Node on PATH outside node_modules/.bin' },
  () => {
    const sys = system!
    const work = mkdtempSync(join(tmpdir(), 'crossdock-client-package-'))
    const staged = join(work, 'package')
    const project = join(work, 'project')
    let packed: PackResult
    let server: ServerProcess | undefined
    let db: ScratchDatabase | undefined
    const timings: string[] = []

    async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
      const started = performance.now()
      try {
        return await fn()
      } finally {
        timings.push(`${label} ${Math.round(performance.now() - started)} ms`)
      }
    }

    /** Build into a copy of the package folder (the working tree's dist is left alone), pack, install. */
    async function buildPackInstall(): Promise<void> {
      mkdirSync(staged)
      for (const file of ['package.json', 'README.md']) {
        copyFileSync(join(PACKAGE, file), join(staged, file))
      }
      const build = join(PACKAGE, 'scripts/build.ts')
      await timed('build', () =>
        run(process.execPath, [build, '--out', join(staged, 'dist')], { cwd: ROOT }),
      )
      const npmQuiet = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error']
      const pack = await timed('npm pack', () =>
        run(
          sys.npm,
          ['pack', '--json', '--ignore-scripts', '--pack-destination', work, ...npmQuiet],
          {
            cwd: staged,
            env: sys.env,
          },
        ),
      )
      packed = (JSON.parse(pack.stdout) as PackResult[])[0]!
      mkdirSync(project)
      for (const [name, text] of Object.entries(consumerFiles)) {
        writeFileSync(join(project, name), text)
      }
      await timed('npm install', () =>
        run(sys.npm, ['install', '--offline', ...npmQuiet, join(work, packed.filename)], {
          cwd: project,
          env: sys.env,
        }),
      )
    }

    before(async () => {
      assert.ok(sys.major >= 18, `the system Node is ${sys.version}; the package needs Node ≥ 18`)
      await Promise.all([
        buildPackInstall(),
        timed('server start', async () => {
          db = await scratchDatabase('sqlite', 'package')
          server = await startServerProcess({
            DATABASE_URL: db.url,
            CROSSDOCK_ADMIN_PASSWORD: PASSWORD,
            CROSSDOCK_RATE_LIMIT: 'off',
            LOG_LEVEL: 'warn',
          })
        }),
      ])
    })
    after(async () => {
      process.stdout.write(`# client package (system Node ${sys.version}): ${timings.join(', ')}\n`)
      try {
        await server?.stop()
      } finally {
        await db?.drop()
        rmSync(work, { recursive: true, force: true })
      }
    })

    it('should pack the build and the README only, with no dependency, at the root version', () => {
      const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'))
      const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
      assert.equal(manifest.version, root.version)
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
        assert.equal(manifest[field], undefined, field)
      }
      const paths = packed.files.map((f) => f.path)
      assert.deepEqual(paths.filter((p) => !/^dist\/(esm|cjs)\/.+\.(js|d\.ts)$/.test(p)).sort(), [
        'README.md',
        'dist/cjs/package.json',
        'package.json',
      ])
      assert.ok(paths.includes('dist/esm/index.d.ts') && paths.includes('dist/cjs/index.js'))
      process.stdout.write(
        `# client package: ${packed.filename} ${packed.size} B packed, ${packed.unpackedSize} B unpacked, ${paths.length} files\n`,
      )
    })

    it('should refer to nothing outside the package (no server file, typebox, node: module)', () => {
      const installed = join(project, 'node_modules/@crossdock/client/dist')
      assert.deepEqual(foreignReferences(installed), [])
      const types = readFileSync(join(installed, 'esm/types.d.ts'), 'utf8')
      assert.doesNotMatch(types, /typebox|Static<|src\/modules/)
    })

    for (const file of ['flow.mjs', 'flow.cjs']) {
      it(`should create, get and link an order to a new PO from ${file}`, async () => {
        const node = process.env.CROSSDOCK_TEST_CONSUMER_NODE ?? sys.node
        const { stdout } = await timed(file, () =>
          run(node, [file], {
            cwd: project,
            env: {
              ...sys.env,
              CROSSDOCK_URL: server!.url,
              CROSSDOCK_PASSWORD: PASSWORD,
              RUN: file,
            },
          }),
        )
        const result = JSON.parse(stdout) as FlowResult
        if (node === sys.node) {
          assert.equal(result.node, sys.version)
        }
        assert.ok(Number.isInteger(result.orderId) && result.orderId > 0)
        assert.equal(result.sourceOrderId, `PKG-${file}`)
        assert.equal(result.dropshipBefore, 0, 'None')
        assert.equal(result.dropshipAfter, 1, 'Pending once linked')
        assert.ok(Number.isInteger(result.poId) && result.poId > 0)
        assert.deepEqual(result.poLines, [['WIDGET-RED', 2]])
        assert.deepEqual(result.missing, { notFound: true, apiError: true, status: 404 })
      })
    }

    it('should type-check TypeScript against the installed .d.ts, wrong properties refused', async () => {
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc')
      const output = await timed('tsc', () =>
        run(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { cwd: project }).then(
          () => 'tsc passed',
          (error: Error) => error.message,
        ),
      )
      const errors = output.split('\n').filter((line) => /^\S+\(\d+,\d+\): error /.test(line))
      assert.deepEqual(
        errors.filter((line) => !line.startsWith('wrong.')),
        [],
        'check.mts and check.cts compile, their @ts-expect-error lines included',
      )
      for (const file of ['wrong.mts', 'wrong.cts']) {
        const codes = errors
          .filter((l) => l.startsWith(file))
          .map((l) => /error (TS\d+)/.exec(l)![1])
        assert.deepEqual(codes, ['TS2322', 'TS2339', 'TS2554'], `${file}\n${output}`)
      }
    })
  },
)
