import type { Command } from 'commander'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { printJson } from './output.ts'

export function registerTokenCommand(program: Command): void {
  withConnection(
    program
      .command('token')
      .description('log in and print a bearer token (--json: the whole answer)'),
  ).action(async (flags: ConnectionFlags) => {
    const answer = await clientFrom({ ...flags, token: undefined }).logIn()
    if (flags.json === true) {
      printJson(answer)
    } else {
      process.stdout.write(`${answer.access_token}\n`)
    }
  })
}
