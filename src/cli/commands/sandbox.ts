import type { Command } from 'commander'
import type { SandboxReset, SandboxSnapshot } from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { printFields, printJson, printTable } from './output.ts'

// `crossdock sandbox reset | snapshots | snapshot create|restore|delete NAME | restore NAME`: the
// sandbox's reset and snapshots (admins only), through the SDK's `sandbox.reset` and `.snapshots`.

function printSnapshot(flags: ConnectionFlags, verb: string, s: SandboxSnapshot): void {
  if (flags.json === true) {
    printJson(s)
    return
  }
  process.stdout.write(`${verb} snapshot ${s.Name}: ${s.Tables} tables, ${s.Rows} rows\n`)
}

function printReset(flags: ConnectionFlags, r: SandboxReset): void {
  if (flags.json === true) {
    printJson(r)
    return
  }
  printFields([
    ['Source', r.Source],
    ['Tables emptied', r.Tables],
    ['Companies', r.Companies],
    ['Vendors', r.Vendors],
    ['Warehouses', r.Warehouses],
    ['Payment terms', r.PaymentTerms],
    ['Products', r.Products],
    ['Users', r.Users],
  ])
}

export function registerSandboxCommands(program: Command): void {
  const sandbox = program
    .command('sandbox')
    .description('reset the sandbox, or keep and restore named snapshots of it (admins only)')

  withConnection(
    sandbox
      .command('reset')
      .description('back to the configured fixtures (or the demo set), IDs from 1'),
  ).action(async (flags: ConnectionFlags) => {
    printReset(flags, await clientFrom(flags).sandbox.reset())
  })

  withConnection(sandbox.command('snapshots').description('list the snapshots')).action(
    async (flags: ConnectionFlags) => {
      const list = await clientFrom(flags).sandbox.snapshots.list()
      if (flags.json === true) {
        printJson(list)
        return
      }
      printTable(
        ['Name', 'Created', 'Tables', 'Rows'],
        list.Items.map((s) => [s.Name, s.CreatedOn, s.Tables, s.Rows]),
      )
      process.stdout.write(`${list.TotalResults} snapshots\n`)
    },
  )

  const snapshot = sandbox.command('snapshot').description('create, restore or delete a snapshot')
  const restore = async (name: string, flags: ConnectionFlags) => {
    printSnapshot(flags, 'Restored', await clientFrom(flags).sandbox.snapshots.restore(name))
  }
  withConnection(
    snapshot
      .command('create')
      .description('copy the whole sandbox as NAME (1-64 of A-Z a-z 0-9 . _ -)')
      .argument('<name>', 'snapshot name'),
  ).action(async (name: string, flags: ConnectionFlags) => {
    printSnapshot(flags, 'Created', await clientFrom(flags).sandbox.snapshots.create(name))
  })
  withConnection(
    snapshot
      .command('restore')
      .description('bring back exactly the data of snapshot NAME')
      .argument('<name>', 'snapshot name'),
  ).action(restore)
  withConnection(
    snapshot
      .command('delete')
      .description('drop snapshot NAME')
      .argument('<name>', 'snapshot name'),
  ).action(async (name: string, flags: ConnectionFlags) => {
    printSnapshot(flags, 'Deleted', await clientFrom(flags).sandbox.snapshots.delete(name))
  })
  withConnection(
    sandbox
      .command('restore')
      .description('the same as `sandbox snapshot restore NAME`')
      .argument('<name>', 'snapshot name'),
  ).action(restore)
}
