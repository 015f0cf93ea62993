import type { Command } from 'commander'
import type { AddVendorProduct } from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { positiveInt, printJson, printList } from './output.ts'

// `crossdock vendors products list|add|update`: a vendor's products (its SKU and cost for each of
// ours), thin wrappers over the SDK (client.vendors.products, addProducts, updateProducts).

/** A non-negative decimal amount (`4.10`). */
function amount(name: string) {
  return (value: string): number => {
    if (!/^\d+(\.\d+)?$/.test(value.trim())) {
      throw new Error(`${name} must be a non-negative amount such as 4.10, not '${value}'`)
    }
    return Number(value)
  }
}

/** A non-negative whole number. */
function count(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) > 2147483647) {
      throw new Error(`${name} must be a whole number of 0 or more, not '${value}'`)
    }
    return Number(value)
  }
}

interface FieldFlags extends ConnectionFlags {
  sku: string
  price?: number
  vendorSku?: string
  notes?: string
  pricePerCase?: number
  qtyPerCase?: number
  qty?: number
  available?: boolean
}

/** The optional vendor-product fields both writes take. */
function withFields(command: Command): Command {
  return command
    .requiredOption('--sku <sku>', 'product SKU')
    .option('--vendor-sku <sku>', 'the vendor’s SKU for the product')
    .option('--notes <text>', 'notes')
    .option('--price-per-case <amount>', 'price of a case', amount('--price-per-case'))
    .option('--qty-per-case <n>', 'units in a case', count('--qty-per-case'))
    .option('--qty <n>', 'the vendor’s quantity', count('--qty'))
    .option('--available', 'available from the vendor')
    .option('--unavailable', 'not available from the vendor')
}

function fieldsOf(
  flags: FieldFlags & { unavailable?: boolean },
): Omit<AddVendorProduct, 'ProductSKU'> {
  if (flags.available === true && flags.unavailable === true) {
    throw new Error('--available and --unavailable exclude each other')
  }
  return {
    ...(flags.price !== undefined && { Price: flags.price }),
    ...(flags.vendorSku !== undefined && { VendorSKU: flags.vendorSku }),
    ...(flags.notes !== undefined && { Notes: flags.notes }),
    ...(flags.pricePerCase !== undefined && { PricePerCase: flags.pricePerCase }),
    ...(flags.qtyPerCase !== undefined && { QtyPerCase: flags.qtyPerCase }),
    ...(flags.qty !== undefined && { Qty: flags.qty }),
    ...(flags.available === true && { IsAvailable: true }),
    ...(flags.unavailable === true && { IsAvailable: false }),
  }
}

/**
 * Registers `vendors …`.
 * @example registerVendorCommands(program)
 */
export function registerVendorCommands(program: Command): void {
  const vendors = program.command('vendors').description('vendors and their products')
  const products = vendors.command('products').description('a vendor’s products (SKU and cost)')

  withConnection(
    products
      .command('list')
      .description('list a vendor’s products by SKU (one page, or every page with --all)')
      .argument('<vendorId>', 'vendor ID', positiveInt('vendor ID'))
      .option('--sku <sku>', 'product SKU (exact, any case)')
      .option('--vendor-sku <sku>', 'vendor SKU (exact, any case)')
      .option('--page <n>', 'page number', positiveInt('--page'))
      .option('--page-size <n>', 'page size (at most 50)', positiveInt('--page-size'))
      .option('--all', 'every page'),
  ).action(
    async (
      vendorId: number,
      flags: ConnectionFlags & {
        sku?: string
        vendorSku?: string
        page?: number
        pageSize?: number
        all?: boolean
      },
    ) => {
      const client = clientFrom(flags)
      const filter = { productSKU: flags.sku, vendorSKU: flags.vendorSku }
      await printList(
        flags,
        {
          all: () => client.vendors.iterateProducts(vendorId, filter),
          page: () =>
            client.vendors.products(vendorId, {
              ...filter,
              pageNumber: flags.page,
              pageSize: flags.pageSize,
            }),
        },
        {
          headers: [
            'SKU',
            'VendorSKU',
            'Name',
            'Price',
            'PerCase',
            'CasePrice',
            'Qty',
            'Available',
          ],
          row: (p) => [
            p.ProductSKU,
            p.VendorSKU,
            p.ProductName,
            p.Price,
            p.QtyPerCase,
            p.PricePerCase,
            p.Qty,
            p.IsAvailable,
          ],
          noun: 'vendor products',
        },
      )
    },
  )

  withConnection(
    withFields(
      products
        .command('add')
        .description('add a product to a vendor (or update the fields given of one it has)')
        .argument('<vendorId>', 'vendor ID', positiveInt('vendor ID')),
    ).option(
      '--price <amount>',
      'the vendor’s unit price (default: the site cost on POs)',
      amount('--price'),
    ),
  ).action(async (vendorId: number, flags: FieldFlags & { unavailable?: boolean }) => {
    await clientFrom(flags).vendors.addProducts(vendorId, [
      { ProductSKU: flags.sku, ...fieldsOf(flags) },
    ])
    if (flags.json === true) {
      printJson({ VendorID: vendorId, ProductSKU: flags.sku })
    } else {
      process.stdout.write(`vendor ${vendorId}: saved ${flags.sku}\n`)
    }
  })

  withConnection(
    withFields(
      products
        .command('update')
        .description('update the fields given of one of a vendor’s products')
        .argument('<vendorId>', 'vendor ID', positiveInt('vendor ID')),
    ).option('--price <amount>', 'the vendor’s unit price', amount('--price')),
  ).action(async (vendorId: number, flags: FieldFlags & { unavailable?: boolean }) => {
    await clientFrom(flags).vendors.updateProducts(vendorId, {
      ProductID: flags.sku,
      ...fieldsOf(flags),
    })
    if (flags.json === true) {
      printJson({ VendorID: vendorId, ProductSKU: flags.sku })
    } else {
      process.stdout.write(`vendor ${vendorId}: updated ${flags.sku}\n`)
    }
  })
}
