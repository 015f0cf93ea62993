// The floors of src/ (docs/architecture.md): each may import only the floors below it, and a module
// or flow reaches another module only through its face (`index.ts`). Test files may also import
// test/helpers. Patterns are regular expressions over the import specifier as written.
const FACE_ONLY = (prefix) => `^${prefix}[^./][^/]*/(?!index\\.ts$)`
function floor(files, patterns) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: patterns.map(([regex, message]) => ({ regex, message })),
        },
      ],
    },
  }
}
const DOWN = 'may import only the floors below it (docs/architecture.md)'
const FACE = 'import another module only through its face, index.ts (docs/architecture.md)'
const UP = (n) => '\\.\\./'.repeat(n)

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
  return floor(files, [
    [`^${UP(toSrc)}(?!${below}|(\\.\\./)*test/helpers/)`, `${who} ${DOWN}: ${may}`],
    [FACE_ONLY(`${modules}(?!catalog/)`), FACE],
    [FACE_ONLY(`${modules}catalog/`), FACE],
    ...(siblingsByFace ? [[FACE_ONLY(UP(1)), FACE]] : []),
  ])
}

export const floors = [
  floor(
    ['src/shared/**/*.ts'],
    [['^\\.\\./(?!(\\.\\./)*test/helpers/)', `src/shared ${DOWN}: nothing outside shared`]],
  ),
  floor(
    ['src/wire/**/*.ts'],
    [['^\\.\\./(?!shared/|(\\.\\./)*test/helpers/)', `src/wire ${DOWN}: shared only`]],
  ),
  floor(
    ['src/db/**/*.ts'],
    [
      [
        '^\\.\\./(?!shared/|config\\.ts$|migration-helpers\\.ts$|(modules|flows)/.+\\.table\\.ts$|(\\.\\./)*test/helpers/)',
        `src/db ${DOWN}: shared, config, and the table types of modules and flows`,
      ],
    ],
  ),
  // A module of src/modules, two folders below src.
  moduleFloor(['src/modules/*/**/*.ts'], {
    toSrc: 2,
    toModules: 1,
    below: 'shared/|db/|wire/',
    who: 'a module',
    may: "shared, db, wire and other modules' faces",
  }),
  // A catalog module (src/modules/catalog/<m>), three folders below src; its siblings are modules.
  moduleFloor(['src/modules/catalog/*/**/*.ts'], {
    toSrc: 3,
    toModules: 2,
    below: 'shared/|db/|wire/',
    who: 'a module',
    may: "shared, db, wire and other modules' faces",
    siblingsByFace: true,
  }),
  // A flow (src/flows/<f>): modules sit beside src/flows; other flows are its siblings.
  moduleFloor(['src/flows/*/**/*.ts'], {
    toSrc: 2,
    toModules: 2,
    modulesFolder: 'modules/',
    below: 'shared/|db/|wire/|modules/',
    who: 'a flow',
    may: "shared, db, wire and modules' faces",
    siblingsByFace: true,
  }),
]
