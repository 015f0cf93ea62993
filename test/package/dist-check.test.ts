import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { foreignReferences } from '../../packages/client/scripts/dist-check.ts'

// The guard the SDK build runs over its output (and the package test over the installed copy).

describe('foreignReferences (the SDK dist guard)', () => {
  const dist = mkdtempSync(join(tmpdir(), 'crossdock-dist-'))
  after(() => rmSync(dist, { recursive: true, force: true }))

  it('should name every reference that leaves the folder, and only those', () => {
    mkdirSync(join(dist, 'esm/resources'), { recursive: true })
    mkdirSync(join(dist, 'cjs'))
    const files = {
      'esm/index.js': `export { a } from './a.js'\nimport 'typebox'\nconst m = await import('node:fs')\n`,
      'esm/resources/x.js': `import { b } from '../b.js'\nimport { c } from '../../../src/c.js'\n`,
      'esm/index.d.ts': `/// <reference types="node" />\nexport type T = import('../../src/t.ts').T\n`,
      'cjs/index.js': `const a = require('./a.js')\nconst pg = require('pg')\n`,
    }
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dist, name), text)
    }
    assert.deepEqual(foreignReferences(dist).sort(), [
      'cjs/index.js: pg',
      'esm/index.d.ts: ../../src/t.ts',
      'esm/index.d.ts: /// <reference node>',
      'esm/index.js: node:fs',
      'esm/index.js: typebox',
      'esm/resources/x.js: ../../../src/c.js',
    ])
  })
})
