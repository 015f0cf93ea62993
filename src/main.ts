import { ConfigError, loadConfig } from './config.ts'
import { closeOnSignals, startServer } from './app/server.ts'

try {
  const config = loadConfig()
  closeOnSignals(await startServer(config), config.shutdownGraceMs)
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`crossdock: configuration error: ${error.message}\n`)
  } else {
    process.stderr.write(
      `crossdock: failed to start: ${(error as Error).message ?? String(error)}\n`,
    )
  }
  process.exit(1)
}
