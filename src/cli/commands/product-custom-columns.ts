import type { Command } from 'commander'
import type { ProductCustomColumn } from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { printJson, printTable } from './output.ts'

// `crossdock products custom-columns <sku> [--set Name=Value ...]`: a product's custom columns
// (GET /Products/CustomColumns), setting some first (PUT /Products/CustomColumns). Thin over the SDK.

const DATA_TYPES = ['String', 'Integer', 'Decimal', 'DateTime', 'Boolean', 'nText', 'Hyperlink']

interface Flags extends ConnectionFlags {
  set: Array<{ ColumnName: string; Value: string | null }>
}

/** `Name=Value` (an empty value clears it); repeatable. */
function nameValue(
  text: string,
  previous: Flags['set'] = [],
): Array<{ ColumnName: string; Value: string | null }> {
  const at = text.indexOf('=')
  if (at <= 0) {
    throw new Error(`--set takes Name=Value (an empty value clears it), not '${text}'`)
  }
  const value = text.slice(at + 1)
  return [...previous, { ColumnName: text.slice(0, at).trim(), Value: value === '' ? null : value }]
}

function shown(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value)
  }
  return value === null || value === undefined ? '' : JSON.stringify(value)
}

function row(c: ProductCustomColumn) {
  return [c.ColumnName, DATA_TYPES[c.DataType] ?? c.DataType, shown(c.Value)]
}

/**
 * Registers `products custom-columns` (under `products`, created when no other command made it).
 * @example registerProductCustomColumnCommands(program)
 */
export function registerProductCustomColumnCommands(program: Command): void {
  const products =
    program.commands.find((c) => c.name() === 'products') ??
    program.command('products').description('catalog products')
  withConnection(
    products
      .command('custom-columns')
      .description("show a product's custom columns, setting some first with --set")
      .argument('<sku>', 'product SKU (ProductID)')
      .option('--set <name=value>', 'set a column (repeatable; Name= clears it)', nameValue, []),
  ).action(async (sku: string, flags: Flags) => {
    const client = clientFrom(flags)
    if (flags.set.length > 0) {
      await client.products.setCustomColumns(sku, flags.set)
    }
    const columns = await client.products.customColumns(sku)
    if (flags.json === true) {
      printJson(columns)
    } else {
      printTable(['Column', 'Type', 'Value'], columns.map(row))
    }
  })
}
