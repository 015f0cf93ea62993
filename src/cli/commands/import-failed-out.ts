import { parseCsv } from './import-csv.ts'
import { isJsonArray, type ImportRecord } from './import-files.ts'

// `--failed-out FILE`: the failed records in the format they were read, so the file can be fixed
// and imported again. CSV keeps the header and each row's text as read, in file order; a JSON array
// keeps each element's text; JSON Lines each line. With nothing failed the file still gets written
// (the header alone, `[]`, or empty), so a failed-out file of an earlier run never lingers.

/**
 * The text of `--failed-out` for `failed`, records read from `text`.
 * @example failedOutText('csv', text, [record]) // 'OrderSourceOrderID,…\nA-1,…\nA-1,…\n'
 */
export function failedOutText(
  format: 'csv' | 'json',
  text: string,
  failed: ImportRecord[],
): string {
  const rows = failed
    .flatMap((r) => r.lines.map((line, i) => ({ line, text: r.source[i] ?? '' })))
    .sort((a, b) => a.line - b.line)
    .map((r) => r.text)
  if (format === 'csv') {
    const eol = /\r\n/.test(text) ? '\r\n' : '\n'
    const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : ''
    const first = parseCsv(text).next()
    const header = first.done === true ? '' : first.value.raw
    return `${bom}${[header, ...rows].join(eol)}${eol}`
  }
  if (isJsonArray(text)) {
    return rows.length === 0 ? '[]\n' : `[\n  ${rows.join(',\n  ')}\n]\n`
  }
  return rows.map((row) => `${row}\n`).join('')
}
