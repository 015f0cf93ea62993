import { Command } from 'commander'
import { ConfigError } from '../config.ts'
import { ApiError } from '../../packages/client/src/index.ts'
import { registerContainerCommands } from './commands/containers.ts'
import { registerImportCommands } from './commands/import.ts'
import { registerInventoryCommands } from './commands/inventory.ts'
import { registerOrderCommands } from './commands/orders.ts'
import { registerPoCommands } from './commands/po.ts'
import { registerServerCommands } from './commands/server.ts'
import { registerTokenCommand } from './commands/token.ts'

const program = new Command()
program
  .name('crossdock')
  .description('Crossdock: a self-hostable server that speaks the Sellercloud REST API')
  .version('0.1.0')
  .showHelpAfterError()
registerServerCommands(program)
registerTokenCommand(program)
registerOrderCommands(program)
registerPoCommands(program)
registerInventoryCommands(program)
registerContainerCommands(program)
registerImportCommands(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  const message =
    error instanceof ConfigError
      ? `configuration error: ${error.message}`
      : error instanceof ApiError
        ? `${error.status} ${error.code}: ${error.describe()}${error.requestId === undefined ? '' : ` (request ${error.requestId})`}`
        : (error as Error).message
  process.stderr.write(`crossdock: ${message}\n`)
  // Exit once standard output has drained: a large --json report must reach a pipe whole.
  process.stdout.write('', () => process.exit(1))
}
