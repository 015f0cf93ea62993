import type { Command } from 'commander'
import type { SandboxClock } from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { printFields, printJson } from './output.ts'

// `crossdock clock [show]|set ISO [--frozen]|advance SECONDS|reset`: the server's shared sandbox
// clock (admins only), through the SDK's `sandbox.clock`.

function print(flags: ConnectionFlags, clock: SandboxClock): void {
  if (flags.json === true) {
    printJson(clock)
    return
  }
  const sign = clock.OffsetSeconds > 0 ? '+' : ''
  printFields([
    ['Now', clock.Now],
    ['Frozen', clock.Frozen ? 'yes' : 'no'],
    ['Offset', `${sign}${clock.OffsetSeconds} s from real time`],
  ])
}

function wholeSeconds(value: string): number {
  if (!/^[+-]?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new Error(`SECONDS must be a whole number (negative moves back), not '${value}'`)
  }
  return Number(value)
}

export function registerClockCommands(program: Command): void {
  const clock = program
    .command('clock')
    .description("the server's sandbox clock, shared by every instance (admins only)")

  withConnection(
    clock.command('show', { isDefault: true }).description('print the clock (the default)'),
  ).action(async (flags: ConnectionFlags) => {
    print(flags, await clientFrom(flags).sandbox.clock.get())
  })

  withConnection(
    clock
      .command('set')
      .description('set the clock to ISO: running from it on, or frozen there with --frozen')
      .argument('<iso>', 'ISO-8601 date-time (no zone means UTC)')
      .option('--frozen', 'stop the clock at ISO'),
  ).action(async (iso: string, flags: ConnectionFlags & { frozen?: boolean }) => {
    const body = { Now: iso, Frozen: flags.frozen === true }
    print(flags, await clientFrom(flags).sandbox.clock.set(body))
  })

  withConnection(
    clock
      .command('advance')
      .description('move the clock by SECONDS (negative moves it back)')
      .argument('<seconds>', 'whole seconds', wholeSeconds),
  ).action(async (seconds: number, flags: ConnectionFlags) => {
    print(flags, await clientFrom(flags).sandbox.clock.advance(seconds))
  })

  withConnection(clock.command('reset').description('back to real time, running')).action(
    async (flags: ConnectionFlags) => {
      print(flags, await clientFrom(flags).sandbox.clock.reset())
    },
  )
}
