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
  floor(
    ['src/modules/*/**/*.ts'],
    [
      [
        '^\\.\\./\\.\\./(?!shared/|db/|wire/|(\\.\\./)*test/helpers/)',
        `a module ${DOWN}: shared, db, wire and other modules' faces`,
      ],
      [FACE_ONLY('\\.\\./(?!catalog/)'), FACE],
      [FACE_ONLY('\\.\\./catalog/'), FACE],
    ],
  ),
  floor(
    ['src/modules/catalog/*/**/*.ts'],
    [
      [
        '^\\.\\./\\.\\./\\.\\./(?!shared/|db/|wire/|(\\.\\./)*test/helpers/)',
        `a module ${DOWN}: shared, db, wire and other modules' faces`,
      ],
      [FACE_ONLY('\\.\\./'), FACE],
      [FACE_ONLY('\\.\\./\\.\\./(?!catalog/)'), FACE],
    ],
  ),
  floor(
    ['src/flows/*/**/*.ts'],
    [
      [
        '^\\.\\./\\.\\./(?!shared/|db/|wire/|modules/|(\\.\\./)*test/helpers/)',
        `a flow ${DOWN}: shared, db, wire and modules' faces`,
      ],
      [FACE_ONLY('\\.\\./\\.\\./modules/(?!catalog/)'), FACE],
      [FACE_ONLY('\\.\\./\\.\\./modules/catalog/'), FACE],
      [FACE_ONLY('\\.\\./'), FACE],
    ],
  ),
]
