import { readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

// The client's source imports its types from the server (`import type … from '../../../src/…'` and
// `typebox`'s `Static`). For the package those imports are replaced by what they mean: every type
// written with a server name is expanded by the type checker into a plain structural type, and the
// imports are dropped. Any file, any alias or signature: nothing here lists names.

/** The client's source files, tests excluded, relative to `srcDir` (`resources/orders.ts`). */
export function sourceFiles(srcDir: string): string[] {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.split('\\').join('/'))
    .sort()
}

/** Whether `specifier`, imported by a file of `srcDir`, leaves the package (server file or package). */
function isForeign(specifier: string, fromFile: string, srcDir: string): boolean {
  if (!specifier.startsWith('.')) {
    return true
  }
  const target = relative(srcDir, resolve(fromFile, '..', specifier))
  return target.startsWith('..')
}

/** The compiler options of the repository's tsconfig.json (the nearest above `dir`). */
function repositoryOptions(dir: string): ts.CompilerOptions {
  const path = ts.findConfigFile(dir, (f) => ts.sys.fileExists(f))
  if (path === undefined) {
    throw new Error(`no tsconfig.json above ${dir}`)
  }
  const config: unknown = ts.readConfigFile(path, (f) => ts.sys.readFile(f)).config
  return ts.parseJsonConfigFileContent(config, ts.sys, dirname(path)).options
}

export function format(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  })
}

const PRINT_FLAGS =
  ts.NodeBuilderFlags.NoTruncation |
  ts.NodeBuilderFlags.MultilineObjectLiterals |
  ts.NodeBuilderFlags.IgnoreErrors

/**
 * The source of each file of `srcDir` with its foreign type imports inlined. Throws when a file
 * imports something foreign at run time (the package has no dependencies) or when a type cannot be
 * expanded.
 */
export function inlineForeignTypes(srcDir: string): Map<string, string> {
  const files = sourceFiles(srcDir).map((f) => join(srcDir, f))
  const program = ts.createProgram(files, repositoryOptions(srcDir))
  // Only the client's own files: the server's are checked by the repository's `tsc`.
  const problems = program
    .getSourceFiles()
    .filter((sf) => files.includes(sf.fileName))
    .flatMap((sf) => [
      ...program.getSyntacticDiagnostics(sf),
      ...program.getSemanticDiagnostics(sf),
    ])
  if (problems.length > 0) {
    throw new Error(`the client's source does not type-check:\n${format(problems)}`)
  }
  const checker = program.getTypeChecker()
  const printer = ts.createPrinter({ removeComments: true })
  const out = new Map<string, string>()

  for (const file of files) {
    const sf = program.getSourceFile(file)!
    const foreign = new Set<ts.Symbol>()
    const cuts: Array<{ start: number; end: number; text: string }> = []

    for (const statement of sf.statements) {
      if (
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier !== undefined &&
        ts.isStringLiteral(statement.moduleSpecifier) &&
        isForeign(statement.moduleSpecifier.text, file, srcDir)
      ) {
        const where = `${relative(srcDir, file)}: ${statement.moduleSpecifier.text}`
        if (ts.isExportDeclaration(statement)) {
          throw new Error(`${where}: the package cannot re-export a foreign module`)
        }
        const names = importedNames(statement, where)
        for (const name of names) {
          foreign.add(checker.getSymbolAtLocation(name)!)
        }
        // From its first token: a comment above it stays.
        cuts.push({ start: statement.getStart(sf), end: statement.end, text: '' })
      }
    }
    if (foreign.size > 0) {
      const usesForeign = (node: ts.Node): boolean =>
        (ts.isIdentifier(node) && foreign.has(checker.getSymbolAtLocation(node)!)) ||
        ts.forEachChild(node, (child) => (usesForeign(child) ? true : undefined)) === true
      const visit = (node: ts.Node): void => {
        if (ts.isTypeNode(node) && usesForeign(node)) {
          cuts.push({
            start: node.getStart(sf),
            end: node.end,
            text: expand(checker, printer, sf, node),
          })
          return
        }
        ts.forEachChild(node, visit)
      }
      for (const statement of sf.statements) {
        if (!ts.isImportDeclaration(statement)) {
          visit(statement)
        }
      }
    }
    out.set(relative(srcDir, file).split('\\').join('/'), applyCuts(sf.text, cuts))
  }
  return out
}

/** The bindings of a foreign import; each must be type-only (nothing foreign runs). */
function importedNames(statement: ts.ImportDeclaration, where: string): ts.Identifier[] {
  const clause = statement.importClause
  if (clause === undefined) {
    throw new Error(`${where}: a side-effect import of a foreign module`)
  }
  const typeOnly = clause.phaseModifier === ts.SyntaxKind.TypeKeyword
  const names: ts.Identifier[] = []
  if (clause.name !== undefined) {
    names.push(clause.name)
  }
  const bindings = clause.namedBindings
  if (bindings !== undefined && ts.isNamespaceImport(bindings)) {
    names.push(bindings.name)
  } else if (bindings !== undefined) {
    for (const element of bindings.elements) {
      if (!typeOnly && !element.isTypeOnly) {
        throw new Error(`${where}: ${element.name.text} is imported at run time; use import type`)
      }
      names.push(element.name)
    }
  }
  if (!typeOnly && (clause.name !== undefined || (bindings && ts.isNamespaceImport(bindings)))) {
    throw new Error(`${where}: imported at run time; use import type`)
  }
  return names
}

/** The type `node` denotes, written out structurally (a type parameter stays a name). */
function expand(
  checker: ts.TypeChecker,
  printer: ts.Printer,
  sf: ts.SourceFile,
  node: ts.TypeNode,
): string {
  const inAlias = ts.isTypeAliasDeclaration(node.parent) && node.parent.type === node
  const type = inAlias
    ? checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(node.parent.name)!)
    : checker.getTypeFromTypeNode(node)
  const flags = PRINT_FLAGS | (inAlias ? ts.NodeBuilderFlags.InTypeAlias : 0)
  const built = checker.typeToTypeNode(type, undefined, flags)
  if (built === undefined) {
    throw new Error(`${sf.fileName}: cannot expand ${node.getText(sf)}`)
  }
  return printer.printNode(ts.EmitHint.Unspecified, built, sf)
}

function applyCuts(text: string, cuts: Array<{ start: number; end: number; text: string }>) {
  let result = text
  for (const cut of [...cuts].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, cut.start) + cut.text + result.slice(cut.end)
  }
  return result
}
