#!/usr/bin/env node
// Launches the TypeScript CLI on Node >= 24 (type stripping). When the node on PATH is older,
// re-runs itself with the Node 24 that the `node` devDependency installs beside the project.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../src/cli/index.ts', import.meta.url))
const major = Number(process.versions.node.split('.')[0])
if (major >= 24) {
  await import(cli)
} else {
  const bundled = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url))
  if (!existsSync(bundled)) {
    process.stderr.write(
      `crossdock: needs Node.js 24 or newer (found ${process.versions.node}); run npm ci first\n`,
    )
    process.exit(1)
  }
  const result = spawnSync(bundled, [cli, ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
