import type { Command } from 'commander'
import type { AddFaultRuleRequest, FaultRule } from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { positiveInt, printJson, printTable, readJsonBody } from './output.ts'

// `crossdock faults add|list|remove|clear`: the sandbox's fault rules (/admin/faults, admins only).

interface AddFlags extends ConnectionFlags {
  preset?: string
  method?: string
  route?: string
  path?: string
  user?: string
  body?: string
  times?: string
  skip?: number
  probability?: string
  after?: boolean
  status?: number
  responseBody?: string
  header?: string[]
  delay?: number
  drop?: string
}

function timesOf(value: string): number | null {
  if (/^(unlimited|null)$/i.test(value)) {
    return null
  }
  if (!/^[1-9]\d*$/.test(value)) {
    throw new Error(`--times must be a positive integer or "unlimited", not '${value}'`)
  }
  return Number(value)
}

function probabilityOf(value: string): number {
  const p = Number(value)
  if (!(p > 0 && p <= 1)) {
    throw new Error(`--probability must be a number above 0 and at most 1, not '${value}'`)
  }
  return p
}

function headerOf(value: string, previous: string[] = []): string[] {
  if (!value.includes(':')) {
    throw new Error(`--header must be "Name: value", not '${value}'`)
  }
  return [...previous, value]
}

function jsonOf(name: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new Error(`${name} must be JSON (or @file.json), not '${text}'`)
  }
}

async function jsonArg(name: string, value: string): Promise<unknown> {
  return value.startsWith('@') ? readJsonBody(value.slice(1)) : jsonOf(name, value)
}

async function ruleBody(flags: AddFlags): Promise<AddFaultRuleRequest> {
  const headers = Object.fromEntries(
    (flags.header ?? []).map((h) => {
      const at = h.indexOf(':')
      return [h.slice(0, at).trim(), h.slice(at + 1).trim()]
    }),
  )
  return {
    ...(flags.method !== undefined && { Method: flags.method }),
    ...(flags.route !== undefined && { Route: flags.route }),
    ...(flags.path !== undefined && { PathPattern: flags.path }),
    ...(flags.user !== undefined && { User: flags.user }),
    ...(flags.body !== undefined && { Body: await jsonArg('--body', flags.body) }),
    ...(flags.times !== undefined && { Times: timesOf(flags.times) }),
    ...(flags.skip !== undefined && { Skip: flags.skip }),
    ...(flags.probability !== undefined && { Probability: probabilityOf(flags.probability) }),
    When: flags.after === true ? 'After' : 'Before',
    ...(flags.preset !== undefined && { Preset: flags.preset }),
    ...(flags.status !== undefined && {
      Response: {
        Status: flags.status,
        ...(flags.responseBody !== undefined && {
          Body: await jsonArg('--response-body', flags.responseBody),
        }),
        Headers: headers,
      },
    }),
    ...(flags.delay !== undefined && { DelayMs: flags.delay }),
    ...(flags.drop !== undefined && { Drop: flags.drop }),
  }
}

function matchOf(rule: FaultRule): string {
  const parts = [
    rule.Method,
    rule.Route ?? rule.PathPattern,
    rule.User === null ? null : `user ${rule.User}`,
    rule.Body === null ? null : `body ${JSON.stringify(rule.Body)}`,
  ].filter((p) => p !== null)
  return parts.length === 0 ? 'every API request' : parts.join(' ')
}

function outcomeOf(rule: FaultRule): string {
  const parts = [
    rule.DelayMs === null ? null : `delay ${rule.DelayMs} ms`,
    rule.Preset,
    rule.Response === null ? null : `status ${rule.Response.Status}`,
    rule.Drop === null ? null : `drop ${rule.Drop}`,
  ].filter((p) => p !== null)
  return `${parts.join(', ')} (${rule.When.toLowerCase()})`
}

function printRules(rules: FaultRule[]): void {
  printTable(
    ['ID', 'MATCH', 'FAULT', 'SKIP', 'TIMES', 'MATCHES', 'HITS', 'SPENT'],
    rules.map((r) => [
      r.Id,
      matchOf(r),
      outcomeOf(r),
      r.Skip,
      r.Times ?? 'unlimited',
      r.Matches,
      r.Hits,
      r.Spent ? 'yes' : 'no',
    ]),
  )
}

/**
 * Registers `faults …`.
 * @example registerFaultsCommands(program)
 */
export function registerFaultsCommands(program: Command): void {
  const faults = program
    .command('faults')
    .description('sandbox fault injection: make API requests fail, slow down or drop (admins)')

  withConnection(
    faults
      .command('add')
      .description('add a fault rule (Times 1 unless --times)')
      .option('--preset <name>', 'rate-limited, token-expired, server-error or timeout')
      .option('--method <method>', 'GET, POST, PUT, PATCH or DELETE')
      .option('--route <template>', 'route template, as /Orders/{id}')
      .option('--path <glob>', 'path glob under the API root: * one segment, ** anything')
      .option('--user <username>', 'only requests of this user')
      .option('--body <json>', 'a JSON subset the request body must contain (or @file.json)')
      .option('--times <n>', 'how many matches to fault, or "unlimited" (default 1)')
      .option('--skip <n>', 'let the first n matches pass', (v) => {
        if (!/^\d+$/.test(v)) {
          throw new Error(`--skip must be a whole number, not '${v}'`)
        }
        return Number(v)
      })
      .option('--probability <p>', 'fault a match with this probability (0..1]')
      .option('--after', 'after the handler: the write commits, then the client gets the fault')
      .option('--status <code>', 'answer this HTTP status', positiveInt('--status'))
      .option('--response-body <json>', 'the answer body with --status (or @file.json)')
      .option(
        '--header <header>',
        'an answer header with --status, "Name: value" (repeatable)',
        headerOf,
      )
      .option('--delay <ms>', 'wait this long first', positiveInt('--delay'))
      .option('--drop <mode>', 'Reset (the connection) or Hang (no answer)'),
  ).action(async (flags: AddFlags) => {
    const rule = await clientFrom(flags).sandbox.faults.add(await ruleBody(flags))
    if (flags.json === true) {
      printJson(rule)
    } else {
      process.stdout.write(`added fault rule ${rule.Id}: ${matchOf(rule)} → ${outcomeOf(rule)}\n`)
    }
  })

  withConnection(
    faults.command('list').description('list the fault rules with their match and hit counts'),
  ).action(async (flags: ConnectionFlags) => {
    const list = await clientFrom(flags).sandbox.faults.list()
    if (flags.json === true) {
      printJson(list)
    } else if (list.Items.length === 0) {
      process.stdout.write('no fault rules\n')
    } else {
      printRules(list.Items)
    }
  })

  withConnection(
    faults
      .command('remove')
      .description('delete one fault rule')
      .argument('<id>', 'rule ID', positiveInt('<id>')),
  ).action(async (id: number, flags: ConnectionFlags) => {
    const rule = await clientFrom(flags).sandbox.faults.remove(id)
    if (flags.json === true) {
      printJson(rule)
    } else {
      process.stdout.write(`removed fault rule ${rule.Id} (${rule.Hits} hits)\n`)
    }
  })

  withConnection(faults.command('clear').description('delete every fault rule')).action(
    async (flags: ConnectionFlags) => {
      const cleared = await clientFrom(flags).sandbox.faults.clear()
      if (flags.json === true) {
        printJson(cleared)
      } else {
        process.stdout.write(`removed ${cleared.Deleted} fault rule(s)\n`)
      }
    },
  )
}
