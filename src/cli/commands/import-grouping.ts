import type { RowProblem } from './import-files.ts'

// Rows of one order (or PO) each repeat its order-level cells. They must say the same thing: a
// disagreement fails the order naming both lines, instead of the last row silently winning.

/** An order-level cell of a row, typed. */
export interface Cell {
  /** The column's header as written in the file. */
  name: string
  raw: string
  value: unknown
  line: number
  /** Enum names compare in any case, as the server reads them. */
  caseless: boolean
}

function comparable(cell: Cell): unknown {
  return cell.caseless && typeof cell.value === 'string' ? cell.value.toLowerCase() : cell.value
}

/**
 * The problem when a later row's `cell` disagrees with the `first` value its group gave; an empty
 * cell never reaches here (it repeats nothing, so it agrees).
 * @example disagreement(shipGround, shipExpress) // 'line 3 and line 7 disagree on ShippingMethod: "Ground" vs "Express"'
 */
export function disagreement(first: Cell, cell: Cell): RowProblem | undefined {
  if (comparable(first) === comparable(cell)) {
    return undefined
  }
  return {
    lines: [first.line, cell.line],
    code: 'ROWS_DISAGREE',
    message: `line ${first.line} and line ${cell.line} disagree on ${cell.name}: ${JSON.stringify(first.raw)} vs ${JSON.stringify(cell.raw)}`,
  }
}
