import type { Linter } from 'eslint'

/** The import-floor rules of src/ (see eslint.floors.mjs and docs/architecture.md). */
export declare const floors: Linter.Config[]
