import type { Command } from 'commander'

// Server-side administration: works on DATABASE_URL directly, with the server's configuration
// parsing, whether or not a server runs. The server's modules load only when a command runs.

/** `--password -`: the whole of standard input, one trailing newline dropped. */
async function readStdin(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) {
    text += String(chunk)
  }
  return text.replace(/\r?\n$/, '')
}

interface ResetOptions {
  user?: string
  password?: string
  database?: string
}

async function resetPassword(options: ResetOptions): Promise<void> {
  const [config, bootstrap, migrator, auth] = await Promise.all([
    import('../../config.ts'),
    import('../../app/bootstrap.ts'),
    import('../../db/migrator.ts'),
    import('../../modules/auth/index.ts'),
  ])
  const settings = config.loadConfig({
    ...process.env,
    ...(options.database !== undefined && { DATABASE_URL: options.database }),
  })
  const username = options.user ?? settings.adminUser
  const given = options.password === '-' ? await readStdin() : options.password
  if (given === '') {
    throw new Error('the new password is empty')
  }
  const password = given ?? auth.generatePassword()
  const db = await bootstrap.openDatabase(settings)
  try {
    await migrator.migrateToLatest(db)
    const reset = await auth.resetUserPassword(db, username, password)
    const lines = [
      given === undefined
        ? `new password for "${username}": ${password}\n(shown once; tokens issued before no longer work)`
        : `password of "${username}" changed; tokens issued before no longer work`,
      ...(reset.isActive ? [] : [`note: "${username}" is inactive and cannot log in`]),
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await db.destroy()
  }
}

export function registerAdminCommands(program: Command): void {
  const admin = program
    .command('admin')
    .description('server-side administration on DATABASE_URL (no server needed)')
  admin
    .command('reset-password')
    .description(
      "set a user's password (generated and printed once unless given); its earlier tokens stop working",
    )
    .option('--user <name>', 'user name (default: CROSSDOCK_ADMIN_USER, else admin)')
    .option('--password <password>', 'the new password; - reads it from standard input')
    .option('-d, --database <url>', 'database URL (env DATABASE_URL)')
    .action((options: ResetOptions) => resetPassword(options))
}
