import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix, relative } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

// Every table belongs to the module or flow whose `*.table.ts` the `DB` interface of
// src/db/database.ts takes it from, and only that module or flow queries it: the others reach its
// data through its face (index.ts). Infrastructure outside modules and flows (src/db, src/app,
// src/cli…) queries no table. Migrations create every table, so they are not checked, nor are tests.
// Each file is parsed with the TypeScript compiler (no database, no type checking): Kysely calls
// naming a table and raw `sql` text are found in the syntax tree, so comments never count.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A folder that owns tables: src/modules/<name>, src/modules/catalog/<name> or src/flows/<name>. */
function unitOf(path: string): string | null {
  const match = /^src\/(modules\/catalog\/[^/]+|modules\/(?!catalog\/)[^/]+|flows\/[^/]+)\//.exec(
    path,
  )
  return match === null ? null : `src/${match[1]}`
}

/** The TypeScript syntax tree of a source text (comments are trivia there: never nodes). */
function parse(source: string): ts.SourceFile {
  return ts.createSourceFile('scanned.ts', source, ts.ScriptTarget.Latest, true)
}

function lineOf(file: ts.SourceFile, position: number): number {
  return file.getLineAndCharacterOfPosition(position).line + 1
}

function forEachNode(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node)
  ts.forEachChild(node, (child) => forEachNode(child, visit))
}

/** Table name → owning folder, from the imports and the `DB` interface of src/db/database.ts. */
function tableOwners(databaseTs: string, databasePath = 'src/db/database.ts') {
  const file = parse(databaseTs)
  const fileOfType = new Map<string, string>()
  let db: ts.InterfaceDeclaration | undefined
  for (const statement of file.statements) {
    if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(statement.importClause.namedBindings)
    ) {
      const from = posix.normalize(
        posix.join(posix.dirname(databasePath), statement.moduleSpecifier.text),
      )
      for (const element of statement.importClause.namedBindings.elements) {
        fileOfType.set(element.name.text, from)
      }
    } else if (ts.isInterfaceDeclaration(statement) && statement.name.text === 'DB') {
      db = statement
    }
  }
  assert.ok(db, `no \`interface DB\` in ${databasePath}`)
  const owners = new Map<string, string>()
  for (const member of db.members) {
    if (!ts.isPropertySignature(member) || member.type === undefined) {
      continue
    }
    const table = member.name.getText(file)
    const type = member.type.getText(file)
    const from = fileOfType.get(type)
    assert.ok(from, `DB.${table}: its type ${type} is not imported in ${databasePath}`)
    const owner = unitOf(from)
    assert.ok(owner, `DB.${table}: ${from} is not in a module or flow folder`)
    owners.set(table, owner)
  }
  return owners
}

interface TableReference {
  table: string
  line: number
  /** How it was referenced: the Kysely method, or `sql` for raw SQL text. */
  form: string
}

const KYSELY_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
  'with',
  'withRecursive',
  'withMaterialized',
  'withNotMaterialized',
  'table', // sql.table('x'), db.dynamic.table('x')
])
const SQL_TABLE = /\b(from|into|update|join)\s+(?:only\s+)?(["`]?)([A-Za-z_]\w*)\2/gi

/** `'company'`, `'company as c'`, `'public.company'`, `'cte(a, b)'` → the table or CTE name. */
function tableOfArgument(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? ''
  return first.replace(/\(.*$/, '').split('.').pop()!
}

function isStringNode(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
}

/** Every reference to one of `tables` in a source file: Kysely calls and raw `sql` text. */
function findTableReferences(source: string, tables: ReadonlySet<string>): TableReference[] {
  const file = parse(source)
  const constants = new Map<string, string>()
  forEachNode(file, (node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer !== undefined &&
      isStringNode(node.initializer) &&
      (node.parent.flags & ts.NodeFlags.Const) !== 0
    ) {
      constants.set(node.name.text, node.initializer.text)
    }
  })
  /** The strings an argument names: a literal, an array of them, or a const holding one. */
  const stringsOf = (node: ts.Node | undefined): string[] => {
    if (node === undefined) {
      return []
    }
    if (isStringNode(node)) {
      return [node.text]
    }
    if (ts.isArrayLiteralExpression(node)) {
      return node.elements.flatMap(stringsOf)
    }
    const value = ts.isIdentifier(node) ? constants.get(node.text) : undefined
    return value === undefined ? [] : [value]
  }
  const found: TableReference[] = []
  /** Raw SQL: each piece of source text (a template part, a string) scanned at its own position. */
  const scanSql = (pieces: ts.Node[]) => {
    for (const piece of pieces) {
      const text = piece.getText(file)
      for (const match of text.matchAll(SQL_TABLE)) {
        const table = match[3]!.toLowerCase()
        if (tables.has(table)) {
          found.push({ table, line: lineOf(file, piece.getStart(file) + match.index), form: 'sql' })
        }
      }
    }
  }
  forEachNode(file, (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text
      const target = node.expression.expression
      if (method === 'raw' && ts.isIdentifier(target) && target.text === 'sql') {
        scanSql(node.arguments.filter(isStringNode))
      } else if (KYSELY_METHODS.has(method)) {
        for (const argument of stringsOf(node.arguments[0])) {
          const table = tableOfArgument(argument)
          if (tables.has(table)) {
            found.push({
              table,
              line: lineOf(file, node.expression.name.getStart(file)),
              form: method,
            })
          }
        }
      }
    } else if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      node.tag.text === 'sql'
    ) {
      const template = node.template
      scanSql(
        ts.isTemplateExpression(template)
          ? [template.head, ...template.templateSpans.map((span) => span.literal)]
          : [template],
      )
    }
  })
  return found.sort((x, y) => x.line - y.line)
}

/** `file:line form('table')` for every reference in `path` to a table `path`'s folder does not own. */
function ownershipViolations(
  path: string,
  source: string,
  owners: ReadonlyMap<string, string>,
): string[] {
  const unit = unitOf(path)
  return findTableReferences(source, new Set(owners.keys()))
    .filter((ref) => owners.get(ref.table) !== unit)
    .map(
      (ref) =>
        `${path}:${ref.line} ${ref.form}('${ref.table}'): ${ref.table} belongs to ${owners.get(ref.table)}` +
        (unit === null
          ? '; infrastructure outside modules and flows queries no table'
          : `, not ${unit}`),
    )
}

/** The source files checked: src/**\/*.ts but tests and migrations. */
function sourceFiles(): string[] {
  const src = join(ROOT, 'src')
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => !path.endsWith('.test.ts') && !path.startsWith('src/db/migrations/'))
    .sort()
}

const owners = tableOwners(readFileSync(join(ROOT, 'src/db/database.ts'), 'utf8'))

describe('table ownership (src/db/database.ts)', () => {
  it('should derive each table owner from the *.table.ts the DB interface takes it from', () => {
    assert.ok(owners.size >= 20, `only ${owners.size} tables found in DB`)
    assert.equal(owners.get('company'), 'src/modules/catalog/companies')
    assert.equal(owners.get('vendor_product'), 'src/modules/catalog/vendors')
    assert.equal(owners.get('kit_component'), 'src/modules/catalog/products')
    assert.equal(owners.get('app_user'), 'src/modules/auth')
    assert.equal(owners.get('sales_order_item'), 'src/modules/orders')
    assert.equal(owners.get('dropship_link_line'), 'src/flows/crossdock')
  })

  it('should find no query of a table outside the module or flow that owns it', () => {
    const violations = sourceFiles().flatMap((path) =>
      ownershipViolations(path, readFileSync(join(ROOT, path), 'utf8'), owners),
    )
    assert.deepEqual(violations, [])
  })

  it('should see the queries of the owners themselves (the scan is not blind)', () => {
    let references = 0
    for (const path of sourceFiles()) {
      references += findTableReferences(
        readFileSync(join(ROOT, path), 'utf8'),
        new Set(owners.keys()),
      ).length
    }
    assert.ok(references >= 50, `only ${references} table references found under src/`)
  })
})

describe('table ownership scanner', () => {
  const violations = (path: string, source: string) => ownershipViolations(path, source, owners)

  it('should refuse orders code selecting from company', () => {
    const found = violations(
      'src/modules/orders/orders.repository.ts',
      "export const q = (db) => db.selectFrom('company').select('id')\n",
    )
    assert.deepEqual(found, [
      "src/modules/orders/orders.repository.ts:1 selectFrom('company'): company belongs to src/modules/catalog/companies, not src/modules/orders",
    ])
  })

  it('should refuse every Kysely form, aliases and arrays included', () => {
    const source = [
      "db.insertInto('vendor_product').values(row)",
      "db.updateTable('product as p').set(x)",
      'db.deleteFrom("kit_component")',
      "db.replaceInto('company')",
      "db.selectFrom('sales_order').innerJoin('company as c', 'c.id', 'sales_order.company_id')",
      "db.selectFrom('sales_order').leftJoin('vendor', (join) => join)",
      "db.selectFrom(['sales_order', 'warehouse as w'])",
      "db.with('recent', (qb) => qb.selectFrom('app_user')).selectFrom('recent')",
      'db.selectFrom<Row>(`payment_term`)',
      "const TABLE = 'customer'\ndb.selectFrom(TABLE)",
    ].join('\n')
    const found = violations('src/modules/orders/orders.repository.ts', source).map((v) =>
      v.replace(/: .*/, ''),
    )
    assert.deepEqual(found, [
      "src/modules/orders/orders.repository.ts:1 insertInto('vendor_product')",
      "src/modules/orders/orders.repository.ts:2 updateTable('product')",
      "src/modules/orders/orders.repository.ts:3 deleteFrom('kit_component')",
      "src/modules/orders/orders.repository.ts:4 replaceInto('company')",
      "src/modules/orders/orders.repository.ts:5 innerJoin('company')",
      "src/modules/orders/orders.repository.ts:6 leftJoin('vendor')",
      "src/modules/orders/orders.repository.ts:7 selectFrom('warehouse')",
      "src/modules/orders/orders.repository.ts:8 selectFrom('app_user')",
      "src/modules/orders/orders.repository.ts:9 selectFrom('payment_term')",
      "src/modules/orders/orders.repository.ts:11 selectFrom('customer')",
    ])
  })

  it('should refuse raw sql text naming another module’s table', () => {
    const source = [
      'const a = sql`select count(*) from company where id = ${id}`',
      'const b = sql<number>`update "vendor" set name = ${name}`',
      "const c = sql.raw('delete from kit_component')",
      'const d = sql`insert into purchase_order_item (id) values (1)`',
      'const e = sql`select * from sales_order so\n  join product p on p.sku = so.sku`',
    ].join('\n')
    const found = violations('src/modules/orders/orders.repository.ts', source).map((v) =>
      v.replace(/: .*/, ''),
    )
    assert.deepEqual(found, [
      "src/modules/orders/orders.repository.ts:1 sql('company')",
      "src/modules/orders/orders.repository.ts:2 sql('vendor')",
      "src/modules/orders/orders.repository.ts:3 sql('kit_component')",
      "src/modules/orders/orders.repository.ts:4 sql('purchase_order_item')",
      "src/modules/orders/orders.repository.ts:6 sql('product')",
    ])
  })

  it('should refuse any table query from infrastructure outside modules and flows', () => {
    assert.equal(violations('src/db/read-cache.ts', "db.selectFrom('company')").length, 1)
    assert.equal(violations('src/app/routes.ts', "db.selectFrom('sales_order')").length, 1)
  })

  it('should let a module query its own tables, a flow its own', () => {
    const orders = [
      "db.selectFrom('sales_order').innerJoin('sales_order_item as i', 'i.order_id', 'sales_order.id')",
      'sql`select 1 from order_note`',
    ].join('\n')
    assert.deepEqual(violations('src/modules/orders/orders.repository.ts', orders), [])
    assert.deepEqual(
      violations(
        'src/modules/catalog/vendors/vendors.repository.ts',
        "db.insertInto('vendor_product')",
      ),
      [],
    )
    assert.deepEqual(
      violations(
        'src/flows/crossdock/crossdock-links.repository.ts',
        "db.selectFrom('dropship_link')",
      ),
      [],
    )
  })

  it('should not count tables named in comments, messages or other strings', () => {
    const source = [
      "// db.selectFrom('company') in a line comment",
      "/** @example await runCompiled(db, 'po', [id], () => db.selectFrom('company')) */",
      '/* sql`select * from company` */',
      "const message = 'Moved from company 3 into vendor 2.'",
      'const text = `update company ${id}: join vendor`',
      "const key = 'company by id'",
      "const re = /selectFrom\\('company'\\)/",
      "const url = 'http://example.com//company' // from company",
    ].join('\n')
    assert.deepEqual(violations('src/modules/orders/orders.service.ts', source), [])
  })

  it('should keep code after strings, templates and regular expressions that look like comments', () => {
    const source = [
      "const a = '/* not a comment'; db.selectFrom('company')",
      "const b = `// ${x} still code`; db.selectFrom('vendor')",
      "const c = /[/*]/.test(s); db.selectFrom('warehouse')",
      "const d = `${'`'}`; db.selectFrom('product')",
    ].join('\n')
    const found = violations('src/modules/orders/orders.service.ts', source).map((v) =>
      v.replace(/: .*/, ''),
    )
    assert.deepEqual(found, [
      "src/modules/orders/orders.service.ts:1 selectFrom('company')",
      "src/modules/orders/orders.service.ts:2 selectFrom('vendor')",
      "src/modules/orders/orders.service.ts:3 selectFrom('warehouse')",
      "src/modules/orders/orders.service.ts:4 selectFrom('product')",
    ])
  })
})
