// Builds @crossdock/client: `dist/esm` (ES modules) and `dist/cjs` (CommonJS), each with `.d.ts`.
// The types are the server's, expanded at build time (inline-types.ts), so the package refers to
// nothing but its own files. Run by Node ≥ 24 (TypeScript by type stripping):
//   node packages/client/scripts/build.ts [--out <dir>]     (default packages/client/dist)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { foreignReferences } from './dist-check.ts'
import { inlineForeignTypes } from './inline-types.ts'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))

/**
 * ES2022 is what Node 18 and every current browser run natively (class fields, `#private`, `??=`);
 * the libs are the language and the DOM's, without @types/node, so the source can use nothing that
 * only Node has.
 */
const COMMON: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  strict: true,
  declaration: true,
  allowImportingTsExtensions: true,
  rewriteRelativeImportExtensions: true,
  isolatedModules: true,
  noEmitOnError: true,
  skipLibCheck: true,
  newLine: ts.NewLineKind.LineFeed,
}

const FORMATS = {
  esm: { module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler },
  // CommonJS because the staging folder's package.json says so (see build).
  cjs: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
} satisfies Record<string, ts.CompilerOptions>

/** `./x.ts` → `./x.js` in `.d.ts` files too (`rewriteRelativeImportExtensions` does the `.js`). */
const jsSpecifiers: ts.TransformerFactory<ts.SourceFile | ts.Bundle> = (context) => {
  const { factory } = context
  const rewrite = (literal: ts.Expression): ts.Expression =>
    ts.isStringLiteral(literal) && /^\.\.?\/.*\.ts$/.test(literal.text)
      ? factory.createStringLiteral(literal.text.replace(/\.ts$/, '.js'))
      : literal
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isImportDeclaration(node)) {
      return factory.updateImportDeclaration(
        node,
        node.modifiers,
        node.importClause,
        rewrite(node.moduleSpecifier),
        node.attributes,
      )
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
      return factory.updateExportDeclaration(
        node,
        node.modifiers,
        node.isTypeOnly,
        node.exportClause,
        rewrite(node.moduleSpecifier),
        node.attributes,
      )
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const argument = factory.updateLiteralTypeNode(
        node.argument,
        rewrite(node.argument.literal) as ts.StringLiteral,
      )
      return factory.updateImportTypeNode(
        node,
        argument,
        node.attributes,
        node.qualifier,
        node.typeArguments,
        node.isTypeOf,
      )
    }
    return ts.visitEachChild(node, visit, context)
  }
  return (root) => ts.visitEachChild(root, visit, context)
}

function compile(files: string[], rootDir: string, outDir: string, format: ts.CompilerOptions) {
  const program = ts.createProgram(files, { ...COMMON, ...format, rootDir, outDir })
  const result = program.emit(undefined, undefined, undefined, undefined, {
    afterDeclarations: [jsSpecifiers],
  })
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics]
  if (diagnostics.length > 0 || result.emitSkipped) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => rootDir,
      getNewLine: () => '\n',
    }
    throw new Error(`build failed:\n${ts.formatDiagnostics(diagnostics, host)}`)
  }
}

export function build(outDir: string): { files: number } {
  const sources = inlineForeignTypes(join(PACKAGE_DIR, 'src'))
  const staging = mkdtempSync(join(tmpdir(), 'crossdock-client-build-'))
  try {
    const files = [...sources].map(([name, text]) => {
      const path = join(staging, name)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
      return path
    })
    writeFileSync(join(staging, 'package.json'), '{ "type": "commonjs" }\n')
    rmSync(outDir, { recursive: true, force: true })
    for (const [name, format] of Object.entries(FORMATS)) {
      compile(files, staging, join(outDir, name), format)
    }
    writeFileSync(join(outDir, 'cjs', 'package.json'), '{ "type": "commonjs" }\n')
    const foreign = foreignReferences(outDir)
    if (foreign.length > 0) {
      throw new Error(`the build refers outside the package:\n${foreign.join('\n')}`)
    }
    return { files: files.length }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out')
  const outDir = resolve(at >= 0 ? process.argv[at + 1]! : join(PACKAGE_DIR, 'dist'))
  const started = performance.now()
  const { files } = build(outDir)
  const ms = Math.round(performance.now() - started)
  process.stdout.write(`@crossdock/client: ${files} files → ${outDir} (esm, cjs) in ${ms} ms\n`)
}
