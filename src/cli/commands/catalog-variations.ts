import type { Command } from 'commander'
import type {
  ProductVariationMatrix,
  VariationDimension,
} from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { positiveInt, printDetail, printList } from './output.ts'

// `crossdock catalog variations <sku>` and `crossdock catalog dimensions`: thin wrappers over the
// SDK's variation methods (client.catalog). They join the `catalog` group whoever creates it first.

/** The `catalog` command group: the one already registered, or a new one. */
function catalogGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'catalog') ??
    program.command('catalog').description('catalog products and their reference data')
  )
}

function dimensionRow(d: VariationDimension) {
  return [d.ID, d.UniqueName, d.Name, d.Values.map((v) => v.Value).join(', ')]
}

/** One row per child: its SKU, then its value of each dimension (the matrix's columns). */
function matrixView(m: ProductVariationMatrix, productId: string) {
  const columns = m.Matrix.Columns
  return {
    fields: [
      ['Product', productId] as [string, string],
      ['Parent', m.Matrix.MatrixParentID ?? '(none)'] as [string, string],
      ['Child', m.Matrix.IsMatrixChild ? 'yes' : 'no'] as [string, string],
      ['Children', m.Matrix.TotalResults] as [string, number],
    ],
    headers: columns.length === 0 ? ['ProductID'] : columns,
    rows: m.Matrix.Rows.map((r) => columns.map((c) => r.Row[c]?.Value ?? '')),
  }
}

export function registerCatalogVariationCommands(program: Command): void {
  const catalog = catalogGroup(program)

  withConnection(
    catalog
      .command('dimensions')
      .description('list variation dimensions (Size, Color…) with their values')
      .option('--search <text>', 'unique or display name contains')
      .option('--page <n>', 'page number', positiveInt('--page'))
      .option('--page-size <n>', 'page size (at most 50)', positiveInt('--page-size'))
      .option('--all', 'every page'),
  ).action(
    async (
      flags: ConnectionFlags & { search?: string; page?: number; pageSize?: number; all?: boolean },
    ) => {
      const client = clientFrom(flags)
      await printList(
        flags,
        {
          all: () => client.catalog.iterateVariationDimensions(flags.search),
          page: () =>
            client.catalog.variationDimensions({
              searchTerm: flags.search,
              pageNumber: flags.page,
              pageSize: flags.pageSize,
            }),
        },
        { headers: ['ID', 'UniqueName', 'Name', 'Values'], row: dimensionRow, noun: 'dimensions' },
      )
    },
  )

  withConnection(
    catalog
      .command('variations')
      .description("show a product's variation matrix: one row per child with its values")
      .argument('<productID>', 'the parent product, or one of its children (SKU)')
      .option('--page <n>', 'page of child rows', positiveInt('--page'))
      .option('--page-size <n>', 'child rows per page (at most 50)', positiveInt('--page-size')),
  ).action(
    async (productId: string, flags: ConnectionFlags & { page?: number; pageSize?: number }) => {
      const client = clientFrom(flags)
      const matrix = await client.catalog.variation(productId, {
        pageNumber: flags.page,
        pageSize: flags.pageSize,
      })
      printDetail(flags, matrix, (m) => matrixView(m, productId))
    },
  )
}
