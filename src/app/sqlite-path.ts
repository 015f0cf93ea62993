import { accessSync, constants, mkdirSync, statSync, type Stats } from 'node:fs'
import { dirname, resolve } from 'node:path'

// Checked before better-sqlite3 opens the file, so an unusable path fails at once with a reason.
// It also replaces `mkdirSync(…, { recursive: true })` for the folder: on a path it cannot create
// (`/proc/nope/x.db`) Node's recursive mkdir loops forever instead of failing.

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Throws an Error saying why `file` cannot hold a SQLite database; creates its missing folders. */
export function prepareSqlitePath(file: string): void {
  if (file === ':memory:') {
    return
  }
  const path = resolve(file)
  const stats = statOf(path)
  if (stats?.isDirectory() === true) {
    throw new Error(`${file} is a directory, not a database file`)
  }
  const missing: string[] = []
  let folder = dirname(path)
  let folderStats = statOf(folder)
  while (folderStats === undefined && dirname(folder) !== folder) {
    missing.unshift(folder)
    folder = dirname(folder)
    folderStats = statOf(folder)
  }
  if (folderStats?.isDirectory() !== true) {
    throw new Error(`${folder} is not a directory`)
  }
  // The folder must be writable even for an existing file: WAL mode writes -wal and -shm beside it.
  if (!writable(folder)) {
    throw new Error(`cannot write in ${folder} (permission denied)`)
  }
  if (stats !== undefined && !writable(path)) {
    throw new Error(`${file} is read-only`)
  }
  for (const level of missing) {
    try {
      mkdirSync(level)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      if (code !== 'EEXIST') {
        throw new Error(`cannot create the folder ${level} (${code})`, { cause: error })
      }
    }
  }
}
