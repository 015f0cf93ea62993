import { Command } from 'commander'
import { ConfigError } from '../config.ts'
import { registerServerCommands } from './commands/server.ts'

const program = new Command()
program
  .name('crossdock')
  .description('Crossdock: a self-hostable server that speaks the Sellercloud REST API')
  .version('0.1.0')
  .showHelpAfterError()
registerServerCommands(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  const message =
    error instanceof ConfigError
      ? `configuration error: ${error.message}`
      : (error as Error).message
  process.stderr.write(`crossdock: ${message}\n`)
  process.exit(1)
}
