import type { Command } from 'commander'
import type { ProductType, ProductTypeListQuery } from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { intList, positiveInt, printFields, printJson, printList, printTable } from './output.ts'

// `crossdock catalog types`, `crossdock settings manufacturers|brands`, `crossdock conditions
// [list|show]`: thin wrappers over the SDK's reference lists. `catalog types` joins the `catalog`
// group whoever creates it first.

/** The `catalog` command group: the one already registered, or a new one. */
function catalogGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'catalog') ??
    program.command('catalog').description('catalog products and their reference data')
  )
}

function typeRow(t: ProductType) {
  return [t.ID, t.ProductTypeName, t.CompanyID === 0 ? '' : t.CompanyName, t.IsDefault ? 'yes' : '']
}

/** `{Key, Value}` lists (manufacturers, brands): a table, or the array as is with `--json`. */
function printKeyValues(
  flags: { json?: boolean },
  items: Array<{ Key: number; Value: string }>,
  noun: string,
) {
  if (flags.json === true) {
    printJson(items)
    return
  }
  printTable(
    ['ID', 'Name'],
    items.map((i) => [i.Key, i.Value]),
  )
  process.stdout.write(`${items.length} ${noun}\n`)
}

export function registerReferenceListCommands(program: Command): void {
  withConnection(
    catalogGroup(program)
      .command('types')
      .description('list product types, by ID (one page, or every page with --all)')
      .option('--id <ids>', 'product type IDs, comma separated', intList('--id'))
      .option('--name <name...>', 'whole product type names, any case')
      .option('--page <n>', 'page number', positiveInt('--page'))
      .option('--page-size <n>', 'page size (at most 50)', positiveInt('--page-size'))
      .option('--all', 'every page'),
  ).action(
    async (
      flags: ConnectionFlags & {
        id?: number[]
        name?: string[]
        page?: number
        pageSize?: number
        all?: boolean
      },
    ) => {
      const client = clientFrom(flags)
      const filter: ProductTypeListQuery = { productTypeIds: flags.id, typeNames: flags.name }
      await printList(
        flags,
        {
          all: () => client.catalog.iterateProductTypes(filter),
          page: () =>
            client.catalog.productTypes({
              ...filter,
              pageNumber: flags.page,
              pageSize: flags.pageSize,
            }),
        },
        { headers: ['ID', 'Name', 'Company', 'Default'], row: typeRow, noun: 'product types' },
      )
    },
  )

  const settings =
    program.commands.find((c) => c.name() === 'settings') ??
    program.command('settings').description('settings lists: manufacturers, brands')
  withConnection(
    settings
      .command('manufacturers')
      .description("list a company's manufacturers")
      .requiredOption('--company <id>', 'company ID', positiveInt('--company')),
  ).action(async (flags: ConnectionFlags & { company: number }) => {
    const client = clientFrom(flags)
    printKeyValues(flags, await client.settings.manufacturers(flags.company), 'manufacturers')
  })
  withConnection(settings.command('brands').description('list brands')).action(
    async (flags: ConnectionFlags) => {
      printKeyValues(flags, await clientFrom(flags).settings.brands(), 'brands')
    },
  )

  const conditions = program.command('conditions').description('product conditions')
  withConnection(
    conditions.command('list', { isDefault: true }).description('list product conditions'),
  ).action(async (flags: ConnectionFlags) => {
    const list = await clientFrom(flags).productConditions.list()
    if (flags.json === true) {
      printJson(list)
      return
    }
    printTable(
      ['ID', 'Name', 'Sort', 'Amazon', 'eBay', 'Note'],
      list.map((c) => [
        c.ID,
        c.ConditionName,
        c.SortOrder,
        c.AmazonConditionID,
        c.eBayConditionID,
        c.ConditionNote,
      ]),
    )
    process.stdout.write(`${list.length} product conditions\n`)
  })
  withConnection(
    conditions
      .command('show')
      .description('show one product condition and its channel conditions')
      .argument('<id>', 'product condition ID', positiveInt('<id>')),
  ).action(async (id: number, flags: ConnectionFlags) => {
    const condition = await clientFrom(flags).productConditions.get(id)
    if (flags.json === true) {
      printJson(condition)
      return
    }
    const c = condition
    printFields([
      ['ID', c.ID],
      ['Name', c.ConditionName],
      ['Sort order', c.SortOrder],
      ['Note', c.ConditionNote],
      ['Amazon', c.AmazonConditionID],
      ['eBay', c.eBayConditionID],
      ['Buy.com', c.BuyDotComConditionID],
      ['Newegg', c.NewEggDotComConditionID],
      ['Sears', c.SearsCondition],
      ['Reverb', c.ReverbCondition],
    ])
  })
}
