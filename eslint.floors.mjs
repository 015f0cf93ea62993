// The floors of src/ (docs/architecture.md): each may import only the floors below it, and a module
// or flow reaches another module only through its face (`index.ts`). Nothing under src/ but a test
// (`*.test.ts`) may import test/helpers; nothing may import bench/. Patterns are regular expressions
// over the import specifier as written.
const DOWN = 'may import only the floors below it (docs/architecture.md)'
const FACE = 'import another module only through its face, index.ts (docs/architecture.md)'
const UP = (n) => '\\.\\./'.repeat(n)
const TEST_HELPERS = '(\\.\\./)*test/helpers/'
const FACE_ONLY = (prefix) => `^${prefix}[^./][^/]*/(?!index\\.ts$)`

/** `n` folders up, then anything but the `allowed` paths (regular expressions). */
function upInto(n, allowed) {
  return `^${UP(n)}${allowed.length === 0 ? '' : `(?!${allowed.join('|')})`}`
}

function rule(patterns) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: patterns.map(([regex, message]) => ({ regex, message })) },
    ],
  }
}

/**
 * One floor, as two configs: its source files, and its tests, which may import test/helpers too.
 * `patternsFor(allowed)` builds the patterns; `allowed` is what every "up" pattern must also let
 * through (test/helpers for tests, nothing for source).
 */
function floor(files, patternsFor) {
  return [
    { files, ignores: ['**/*.test.ts'], rules: rule(patternsFor([])) },
    {
      files: files.map((pattern) => pattern.replace(/\.ts$/, '.test.ts')),
      rules: rule(patternsFor([TEST_HELPERS])),
    },
  ]
}

/**
 * A module or flow: it may import its own files, the floors `below` src (`toSrc` folders up), and
 * another module (`toModules` folders up, then `modulesFolder`, plain and under catalog/) only
 * through its face; with `siblingsByFace`, the folders beside it (`../x/`) are modules too.
 */
function moduleFloor(
  files,
  { who, may, toSrc, below, toModules, modulesFolder = '', siblingsByFace = false },
) {
  const modules = `${UP(toModules)}${modulesFolder}`
  return floor(files, (allowed) => [
    [upInto(toSrc, [...below, ...allowed]), `${who} ${DOWN}: ${may}`],
    [FACE_ONLY(`${modules}(?!catalog/)`), FACE],
    [FACE_ONLY(`${modules}catalog/`), FACE],
    ...(siblingsByFace ? [[FACE_ONLY(UP(1)), FACE]] : []),
  ])
}

export const floors = [
  // Every file of src/ first (src/app, src/cli, src/client have no floor of their own); the floors
  // after it replace this rule for their folders, and each refuses test/ and bench/ the same way.
  ...floor(['src/**/*.ts'], (allowed) => [
    [
      `^(\\.\\./)+${allowed.length === 0 ? '' : `(?!test/helpers/)`}(test|bench)/`,
      'src/ ships without test/ and bench/: only a *.test.ts may import test/helpers (docs/architecture.md)',
    ],
  ]),
  ...floor(['src/shared/**/*.ts'], (allowed) => [
    [upInto(1, allowed), `src/shared ${DOWN}: nothing outside shared`],
  ]),
  ...floor(['src/wire/**/*.ts'], (allowed) => [
    [upInto(1, ['shared/', ...allowed]), `src/wire ${DOWN}: shared only`],
  ]),
  ...floor(['src/db/**/*.ts'], (allowed) => [
    [
      upInto(1, [
        'shared/',
        'config\\.ts$',
        'migration-helpers\\.ts$',
        '(modules|flows)/.+\\.table\\.ts$',
        ...allowed,
      ]),
      `src/db ${DOWN}: shared, config, and the table types of modules and flows`,
    ],
  ]),
  // A module of src/modules, two folders below src.
  ...moduleFloor(['src/modules/*/**/*.ts'], {
    who: 'a module',
    may: "shared, db, wire and other modules' faces",
    toSrc: 2,
    below: ['shared/', 'db/', 'wire/'],
    toModules: 1,
  }),
  // A catalog module (src/modules/catalog/<m>), three folders below src; its siblings are modules.
  ...moduleFloor(['src/modules/catalog/*/**/*.ts'], {
    who: 'a module',
    may: "shared, db, wire and other modules' faces",
    toSrc: 3,
    below: ['shared/', 'db/', 'wire/'],
    toModules: 2,
    siblingsByFace: true,
  }),
  // A flow (src/flows/<f>): modules sit beside src/flows; other flows are its siblings.
  ...moduleFloor(['src/flows/*/**/*.ts'], {
    who: 'a flow',
    may: "shared, db, wire and modules' faces",
    toSrc: 2,
    below: ['shared/', 'db/', 'wire/', 'modules/'],
    toModules: 2,
    modulesFolder: 'modules/',
    siblingsByFace: true,
  }),
  // The web console (src/console, one flat folder): a client of the HTTP API that the app root
  // mounts. It may use shared, wire, db's types, modules' and flows' faces, and the brand (name, logo).
  ...floor(['src/console/*.ts'], (allowed) => [
    [
      upInto(1, ['shared/', 'wire/', 'db/', 'modules/', 'flows/', 'app/brand\\.ts$', ...allowed]),
      `the console ${DOWN}: shared, wire, db, modules' and flows' faces, app/brand.ts`,
    ],
    [FACE_ONLY('\\.\\./modules/(?!catalog/)'), FACE],
    [FACE_ONLY('\\.\\./modules/catalog/'), FACE],
    [FACE_ONLY('\\.\\./flows/'), FACE],
  ]),
  // The SDK (packages/client/src) ships alone, with no dependency: from outside its folder (the
  // server's schemas, typebox) it may import types only, which its build expands (docs/architecture.md).
  ...[1, 2, 3].map((depth) => ({
    files: [`packages/client/src/${'*/'.repeat(depth - 1)}*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [`^[^.]`, `^${UP(depth)}`].map((regex) => ({
            regex,
            allowTypeImports: true,
            message: 'the SDK imports only its own files at run time; use import type',
          })),
        },
      ],
    },
  })),
]
