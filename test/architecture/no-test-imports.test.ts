import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

// The server and the SDK ship without test/ and bench/: no source file under src/ other than a
// *.test.ts may import from them (test helpers, factories and benchmarks live outside src/). The
// import-floor lint rule (eslint.floors.mjs) refuses such static imports; it does not see a dynamic
// `import()`, which this scan catches too.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const SRC = join(ROOT, 'src')
const FORBIDDEN = [join(ROOT, 'test'), join(ROOT, 'bench')]
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      return sourceFiles(path)
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** The imports of `text` (a file at `file`) that resolve into test/ or bench/. */
export function testImports(file: string, text: string): string[] {
  return [...text.matchAll(SPECIFIER)]
    .map((m) => m[1]!)
    .filter((specifier) => specifier.startsWith('.'))
    .filter((specifier) => {
      const target = resolve(dirname(file), specifier)
      return FORBIDDEN.some((dir) => target === dir || target.startsWith(`${dir}/`))
    })
}

describe('src/ does not depend on test/ or bench/', () => {
  it('should find no import of test/ or bench/ in a non-test source file', () => {
    const found = sourceFiles(SRC).flatMap((file) =>
      testImports(file, readFileSync(file, 'utf8')).map(
        (specifier) => `${relative(ROOT, file)}: ${specifier}`,
      ),
    )
    assert.deepEqual(found, [])
  })

  it('should catch such an import (the check can fail)', () => {
    const file = join(SRC, 'modules', 'orders', 'orders.service.ts')
    assert.deepEqual(
      testImports(
        file,
        "import { unitBody } from '../../../test/helpers/factories.ts'\n" +
          "import type { X } from '../../../bench/po-rows.ts'\n" +
          "const m = await import('../../../test/helpers/build-app.ts')\n" +
          "import { ok } from '../../shared/errors.ts'\n",
      ),
      [
        '../../../test/helpers/factories.ts',
        '../../../bench/po-rows.ts',
        '../../../test/helpers/build-app.ts',
      ],
    )
  })
})
