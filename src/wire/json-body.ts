import { withoutByteOrderMark } from '../shared/byte-order-mark.ts'
import { errorCodes, type FastifyBodyParser, type FastifyInstance } from 'fastify'
import { ValidationError } from '../shared/errors.ts'

// The JSON body parser (application/json and text/json). Before anything walks the value, the text's
// nesting is measured without recursion: every later walk (normalize, the NUL check, a reviver,
// idempotency's canonical form) is recursive and would overflow the stack around 5,000–10,000 levels.
// Json.NET, behind Sellercloud, refuses more than 64 levels (its MaxDepth) the same way.

/** Deepest nesting of objects and arrays a body may have (Json.NET's MaxDepth). */
export const MAX_JSON_DEPTH = 64

/** Whether a JSON text nests objects and arrays deeper than `limit`; brackets in strings don't count. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      i = closingQuote(text, i)
      if (i === -1) {
        return false // unterminated: JSON.parse refuses it
      }
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1
      if (depth > limit) {
        return true
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1
    }
  }
  return false
}

/** Index of the quote closing the string opened at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1)
  while (end !== -1) {
    let backslashes = 0
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) {
      backslashes += 1
    }
    if (backslashes % 2 === 0) {
      return end
    }
    end = text.indexOf('"', end + 1)
  }
  return -1
}

// A text that may hold a number whose text is not `String(value)`: an exponent, five or more
// decimals (money may round differently from the binary value at four), a fraction ending in 0
// (C# writes a decimal 12.50 so; bound to a string it stays "12.50", as Json.NET keeps it), 16 or
// more digits (beyond a double's precision: an order ID 12345678901234567890), or -0. Strings
// that match only cost the slower parse.
const NUMBER_TEXT_MAY_DIFFER = /\d[eE]|\.\d{5}|\.\d*0(?!\d)|\d[\d.]{15}|-0(?![.\d])/

// holder (the object or array a number sits in, as parsed) → key → the number's text.
const numberTexts = new WeakMap<object, Map<string, string>>()

/**
 * The JSON text of the number at `holder[key]`, when the body wrote it otherwise than
 * `String(value)` does (more digits than a double keeps, an exponent, trailing zeros); else
 * undefined, `String(value)` being the text.
 */
export function numberTextOf(holder: object, key: string): string | undefined {
  return numberTexts.get(holder)?.get(key)
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

// Reviver of the long-number path: records number texts (Node 24 passes `context.source`) and
// refuses prototype poisoning as the default parser (secure-json-parse, 'error') does.
function recordNumberTexts(
  this: unknown,
  key: string,
  value: unknown,
  context?: { source?: string },
): unknown {
  if (
    key === '__proto__' ||
    (key === 'constructor' && isObject(value) && Object.hasOwn(value, 'prototype'))
  ) {
    throw new SyntaxError('Object contains forbidden prototype property')
  }
  const source = context?.source
  if (typeof value === 'number' && source !== undefined && source !== String(value)) {
    const holder = this as object
    let texts = numberTexts.get(holder)
    if (texts === undefined) {
      texts = new Map()
      numberTexts.set(holder, texts)
    }
    texts.set(key, source)
  }
  return value
}

/**
 * The body parser: a 400 naming `model` for nesting beyond `MAX_JSON_DEPTH`; then the default
 * parser, or, when the text may hold a number written otherwise than `String(value)`, `JSON.parse`
 * with a reviver that keeps those texts for money fields and numbers bound to strings
 * (`normalize.ts`).
 */
export function jsonBodyParser(
  defaultParser: FastifyBodyParser<string>,
): FastifyBodyParser<string> {
  return function parseJsonBody(this: FastifyInstance, request, text, done) {
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      const problem = `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels of objects and arrays.`
      done(new ValidationError({ model: [problem] }))
      return
    }
    if (text.length === 0 || !NUMBER_TEXT_MAY_DIFFER.test(text)) {
      defaultParser.call(this, request, text, done)
      return
    }
    let value: unknown
    try {
      // A byte-order mark is skipped, as the default parser does.
      value = JSON.parse(withoutByteOrderMark(text), recordNumberTexts)
    } catch {
      done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY())
      return
    }
    done(null, value)
  }
}
