/** The text without a leading byte-order mark (U+FEFF), which JSON.parse refuses and clients send. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
