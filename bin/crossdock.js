#!/usr/bin/env node
// Launches the TypeScript CLI on Node >= 24 (type stripping). When the node on PATH is older, it
// runs itself again with the Node 24 of the `node` package (a dependency) as a child, hands it
// SIGINT, SIGTERM and SIGHUP, and ends as the child ends, so stopping this process stops the server.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
// Namespace import: Node 20 has neither registerHooks nor stripTypeScriptTypes, and a named import
// of a missing export would fail before the version check.
import * as nodeModule from 'node:module'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const self = fileURLToPath(import.meta.url)
const cli = fileURLToPath(new URL('../src/cli/index.ts', import.meta.url))
const major = Number(process.versions.node.split('.')[0])

/** Installed from a tarball, the sources sit under node_modules, where Node refuses to strip types. */
function stripTypesUnderNodeModules() {
  const emitWarning = process.emitWarning
  // stripTypeScriptTypes warns that it is experimental on every run; that line is noise here.
  process.emitWarning = (warning, ...rest) => {
    if (!String(warning).includes('stripTypeScriptTypes')) {
      emitWarning.call(process, warning, ...rest)
    }
  }
  nodeModule.registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:') && url.endsWith('.ts') && url.includes('/node_modules/')) {
        const source = readFileSync(fileURLToPath(url), 'utf8')
        return {
          format: 'module',
          source: nodeModule.stripTypeScriptTypes(source),
          shortCircuit: true,
        }
      }
      return nextLoad(url, context)
    },
  })
}

/** The Node 24 binary of the `node` package, wherever npm put it (beside us or hoisted). */
function bundledNode() {
  try {
    const pkg = nodeModule.createRequire(import.meta.url).resolve('node/package.json')
    const bin = join(dirname(pkg), 'bin', 'node')
    return existsSync(bin) ? bin : undefined
  } catch {
    return undefined
  }
}

/**
 * `npx crossdock serve` runs us under `sh -c`: on SIGTERM or SIGINT npm signals that shell, which
 * dies without passing it on, and we would live on as an orphan holding the port. So under npm
 * exec, losing the parent counts as SIGTERM. (Elsewhere an orphan is wanted: `nohup … &`.)
 */
function endWithParentUnderNpx() {
  if (process.env.npm_command !== 'exec') {
    return
  }
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer)
      process.kill(process.pid, 'SIGTERM')
    }
  }, 250)
  timer.unref()
}

endWithParentUnderNpx()
if (major >= 24) {
  if (self.split(sep).includes('node_modules')) {
    stripTypesUnderNodeModules()
  }
  const { run } = await import(cli)
  await run(process.argv)
} else {
  const node = bundledNode()
  if (node === undefined) {
    process.stderr.write(
      `crossdock: needs Node.js 24 or newer (found ${process.versions.node}), or the \`node\` package's binary: run npm ci in the clone, or install with install scripts allowed for "node" (README)\n`,
    )
    process.exit(1)
  }
  const child = spawn(node, [self, ...process.argv.slice(2)], { stdio: 'inherit' })
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP']
  for (const signal of signals) {
    process.on(signal, () => child.kill(signal))
  }
  child.on('error', (error) => {
    process.stderr.write(`crossdock: cannot start ${node}: ${error.message}\n`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => {
    if (signal !== null) {
      // Die of the same signal, so a shell or supervisor sees what the child saw.
      for (const s of signals) {
        process.removeAllListeners(s)
      }
      process.kill(process.pid, signal)
    } else {
      process.exit(code ?? 1)
    }
  })
}
