import type { Command } from 'commander'
import type { CatalogViewProduct } from '../../../packages/client/src/index.ts'
import { catalogGroup } from './catalog.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { positiveInt, printJson, printList, printTable } from './output.ts'

// `crossdock catalog views` and `crossdock catalog view <id>`: thin wrappers over the SDK's saved
// view methods (client.catalog), in the `catalog` group of catalog.ts.

function productRow(p: CatalogViewProduct) {
  return [p.ID, p.ProductName, p.CompanyID, p.IsKit ? 'kit' : '', p.PhysicalQty]
}

export function registerCatalogViewCommands(program: Command): void {
  const catalog = catalogGroup(program)

  withConnection(
    catalog.command('views').description('list the saved catalog views (ID and name)'),
  ).action(async (flags: ConnectionFlags) => {
    const views = await clientFrom(flags).catalog.views()
    if (flags.json === true) {
      printJson(views)
      return
    }
    printTable(
      ['ID', 'Name'],
      views.map((v) => [v.ID, v.Name]),
    )
    process.stdout.write(`${views.length} views\n`)
  })

  withConnection(
    catalog
      .command('view')
      .description("list the products of a saved view (GET /Catalog with the view's filter)")
      .argument('<viewID>', 'the saved view', positiveInt('<viewID>'))
      .option('--page <n>', 'page number', positiveInt('--page'))
      .option('--page-size <n>', 'page size (at most 50)', positiveInt('--page-size'))
      .option('--all', 'every page'),
  ).action(
    async (
      viewId: number,
      flags: ConnectionFlags & { page?: number; pageSize?: number; all?: boolean },
    ) => {
      const client = clientFrom(flags)
      await printList(
        flags,
        {
          all: () => client.catalog.iterateView(viewId),
          page: () =>
            client.catalog.allByView(viewId, { pageNumber: flags.page, pageSize: flags.pageSize }),
        },
        {
          headers: ['ProductID', 'ProductName', 'CompanyID', 'Kit', 'PhysicalQty'],
          row: productRow,
          noun: 'products',
        },
      )
    },
  )
}
