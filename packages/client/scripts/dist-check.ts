import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'

// What the built package may refer to: its own files only. No package (it has no dependencies), no
// `node:` module (it runs in browsers), no file of the server, no `/// <reference types>`.

/** Every reference of a `.js`/`.d.ts` under `distDir` that leaves it, as `file: specifier`. */
export function foreignReferences(distDir: string): string[] {
  const found: string[] = []
  const files = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.js') || f.endsWith('.d.ts'),
  )
  for (const file of files) {
    const path = join(distDir, file)
    const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, true)
    for (const ref of [...info.importedFiles, ...info.referencedFiles]) {
      const inside =
        ref.fileName.startsWith('.') &&
        !relative(distDir, resolve(path, '..', ref.fileName)).startsWith('..')
      if (!inside) {
        found.push(`${file}: ${ref.fileName}`)
      }
    }
    for (const ref of [...info.typeReferenceDirectives, ...info.libReferenceDirectives]) {
      found.push(`${file}: /// <reference ${ref.fileName}>`)
    }
  }
  return found
}
