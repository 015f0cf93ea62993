import { Command } from 'commander'
import { ConfigError } from '../config.ts'
import { ApiError } from '../../packages/client/src/index.ts'
import { registerAdminCommands } from './commands/admin.ts'
import { registerClockCommands } from './commands/clock.ts'
import { registerContainerCommands } from './commands/containers.ts'
import { registerFaultsCommands } from './commands/faults.ts'
import { registerImportCommands } from './commands/import.ts'
import { registerInventoryCommands } from './commands/inventory.ts'
import { registerCatalogCommands } from './commands/catalog.ts'
import { registerCatalogVariationCommands } from './commands/catalog-variations.ts'
import { registerCatalogViewCommands } from './commands/catalog-views.ts'
import { registerReferenceListCommands } from './commands/reference-lists.ts'
import { registerOrderCommands } from './commands/orders.ts'
import { registerPoCommands } from './commands/po.ts'
import { registerProductCustomColumnCommands } from './commands/product-custom-columns.ts'
import { registerRequestsCommands } from './commands/requests.ts'
import { registerSandboxCommands } from './commands/sandbox.ts'
import { registerServerCommands } from './commands/server.ts'
import { registerTokenCommand } from './commands/token.ts'
import { registerVendorCommands } from './commands/vendors.ts'
import { exitQuietlyOnBrokenPipe } from './commands/output.ts'
import { commandTreeText } from './command-tree.ts'

/** The registered command tree (tests read it); bin/crossdock.js calls `run`. */
export const program = new Command()
program
  .name('crossdock')
  .description('Crossdock: a self-hostable server that speaks the Sellercloud REST API')
  .version('0.1.0')
  .showHelpAfterError()
  .addHelpText('after', () => commandTreeText(program))
registerServerCommands(program)
registerTokenCommand(program)
registerOrderCommands(program)
registerPoCommands(program)
registerInventoryCommands(program)
// The `catalog` group: list, get, prices first; views, variations and dimensions join it.
registerCatalogCommands(program)
// Joins the `catalog` group if another registrar created it (register after it).
registerCatalogVariationCommands(program)
registerCatalogViewCommands(program)
registerReferenceListCommands(program)
registerProductCustomColumnCommands(program)
registerContainerCommands(program)
registerVendorCommands(program)
registerImportCommands(program)
registerRequestsCommands(program)
registerAdminCommands(program)
registerClockCommands(program)
registerFaultsCommands(program)
registerSandboxCommands(program)

export async function run(argv: string[]): Promise<void> {
  exitQuietlyOnBrokenPipe()
  try {
    await program.parseAsync(argv)
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
}

// `node src/cli/index.ts …` (the npm scripts) runs it directly.
if (import.meta.main) {
  await run(process.argv)
}
