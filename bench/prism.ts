import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

// Stoplight Prism, the API-sandbox peer: installed on demand into .bench-tmp (not a dependency).

const PACKAGE = '@stoplight/prism-cli@5'

/** Path of Prism's CLI script, installing it first when allowed; null when unavailable. */
export function ensurePrism(work: string, quick: boolean): string | null {
  const prefix = join(work, 'prism')
  const cli = join(prefix, 'node_modules/@stoplight/prism-cli/dist/index.js')
  if (existsSync(cli)) {
    return cli
  }
  if (quick) {
    console.log(
      '  Prism: not installed yet (run the full bench once to install it); skipped in --quick',
    )
    return null
  }
  console.log(`  Prism: installing ${PACKAGE} into ${prefix} …`)
  mkdirSync(prefix, { recursive: true })
  const result = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      PACKAGE,
    ],
    {
      stdio: 'inherit',
      timeout: 10 * 60_000,
    },
  )
  if (result.status !== 0 || !existsSync(cli)) {
    console.log('  Prism: install failed; the Prism comparison is skipped')
    return null
  }
  return cli
}
