import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { inlineForeignTypes } from '../../packages/client/scripts/inline-types.ts'

// The SDK build's type expansion on a package made up here: whatever is written with a foreign
// name (typebox, a server file), in any file and any position, comes out structural, and the
// foreign imports go; a foreign import used at run time is refused.

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SCHEMAS_FILE = join(ROOT, 'src/wire/schemas.ts')

/** A package with `src/<name>` files; `SCHEMAS` in them becomes the server schemas' relative path. */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crossdock-inline-'))
  const schemas = relative(join(dir, 'src'), SCHEMAS_FILE)
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }')
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), include: ['src'] }),
  )
  mkdirSync(join(dir, 'src'))
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, 'src', name), text.replaceAll('SCHEMAS', schemas))
  }
  return dir
}

describe('inlineForeignTypes (the SDK build)', () => {
  const dirs: string[] = []
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('should expand every type written with a foreign name and drop the foreign imports', () => {
    const dir = fixture({
      'a.ts': `// The header stays.
import type { Static } from 'typebox'
import type { ErrorBody } from 'SCHEMAS'
import { shout } from './b.ts'
export type Failure = Static<typeof ErrorBody>
export type Code = Failure['Code']
export interface Holder { failure: Static<typeof ErrorBody> | null; count: number }
export function describeFailure(f: Partial<Static<typeof ErrorBody>>): string {
  return shout(f.Message ?? '')
}
`,
      'b.ts': `export const shout = (s: string): string => s.toUpperCase()\n`,
    })
    dirs.push(dir)
    const out = inlineForeignTypes(join(dir, 'src'))
    const a = out.get('a.ts')!
    assert.doesNotMatch(a, /typebox|schemas\.ts|Static</)
    assert.match(a, /^\/\/ The header stays\.\n/)
    assert.match(a, /import \{ shout \} from '\.\/b\.ts'/)
    assert.match(a, /export type Failure = \{[^}]*Message: string;[^}]*Code: string;/s)
    assert.match(a, /export type Code = Failure\['Code'\]/, 'local names stay as written')
    assert.match(a, /failure: \{[^}]*RequestId\?: string \| undefined;[^}]*\} \| null;/s)
    assert.match(a, /describeFailure\(f: Partial<\{[^}]*Message: string;[^}]*\}>\)/s)
    assert.equal(out.get('b.ts'), `export const shout = (s: string): string => s.toUpperCase()\n`)
  })

  it('should refuse a foreign module imported at run time', () => {
    const dir = fixture({
      'c.ts': `import { ErrorBody } from 'SCHEMAS'\nexport const schema = ErrorBody\n`,
    })
    dirs.push(dir)
    assert.throws(() => inlineForeignTypes(join(dir, 'src')), /ErrorBody is imported at run time/)
  })
})
