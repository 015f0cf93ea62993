import type { Command } from 'commander'
import {
  paginate,
  type RequestEntry,
  type RequestListQuery,
} from '../../../packages/client/src/index.ts'
import { clientFrom, withConnection, type ConnectionFlags } from './connection.ts'
import { positiveInt, printDetail, printJson, printList } from './output.ts'

// `crossdock requests list|get|clear|tail`: the server's request journal (admins only).

interface FilterFlags extends ConnectionFlags {
  method?: string
  path?: string
  status?: number
  statusClass?: string
  user?: string
  since?: string
  until?: string
  requestId?: string
}

function withFilters(command: Command): Command {
  return withConnection(
    command
      .option('--method <method>', 'GET, POST, PUT or DELETE')
      .option('--path <prefix>', 'path prefix, any case (/rest/api/Orders)')
      .option('--status <code>', 'exact status (404)', positiveInt('--status'))
      .option('--status-class <class>', 'status class: 2, 4xx, 5xx…')
      .option('--user <name>', 'user name')
      .option('--since <time>', 'from this time on (ISO-8601)')
      .option('--until <time>', 'up to this time (ISO-8601)')
      .option('--request-id <id>', 'the X-Request-Id'),
  )
}

function filterOf(flags: FilterFlags): RequestListQuery {
  return {
    method: flags.method,
    path: flags.path,
    status: flags.status,
    statusClass: flags.statusClass,
    user: flags.user,
    since: flags.since,
    until: flags.until,
    requestId: flags.requestId,
  }
}

/** One line of `tail`: time, status, method, path and query, duration, user. */
export function requestLine(e: RequestEntry): string {
  const target = e.Query === null ? e.Path : `${e.Path}?${e.Query}`
  const fault = e.Fault === null ? '' : `  fault ${e.Fault}`
  return `${e.Time}  ${e.Status}  ${e.Method.padEnd(6)} ${target}  ${e.DurationMs.toFixed(1)} ms  ${e.User ?? '-'}${fault}`
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Registers `requests …`.
 * @example registerRequestsCommands(program)
 */
export function registerRequestsCommands(program: Command): void {
  const requests = program
    .command('requests')
    .description('the request journal: what the server was sent and answered (admins)')

  withFilters(
    requests
      .command('list')
      .description('journal entries, newest first')
      .option('--page <n>', 'page number', positiveInt('--page'))
      .option('--page-size <n>', 'page size (at most 200)', positiveInt('--page-size'))
      .option('--all', 'every page'),
  ).action(async (flags: FilterFlags & { page?: number; pageSize?: number; all?: boolean }) => {
    const client = clientFrom(flags)
    const filter = filterOf(flags)
    await printList(
      flags,
      {
        all: () =>
          paginate(
            (pageNumber, pageSize) =>
              client.sandbox.requests.list({ ...filter, pageNumber, pageSize }),
            200,
          ),
        page: () =>
          client.sandbox.requests.list({
            ...filter,
            pageNumber: flags.page,
            pageSize: flags.pageSize,
          }),
      },
      {
        headers: ['ID', 'Time', 'Status', 'Method', 'Path', 'ms', 'User', 'Fault'],
        row: (e) => [e.Id, e.Time, e.Status, e.Method, e.Path, e.DurationMs, e.User, e.Fault],
        noun: 'requests',
      },
    )
  })

  withConnection(
    requests
      .command('get')
      .description('one journal entry with its bodies')
      .argument('<id>', 'entry ID (the list’s ID column)', positiveInt('<id>')),
  ).action(async (id: number, flags: ConnectionFlags) => {
    const entry = await clientFrom(flags).sandbox.requests.get(id)
    printDetail(flags, entry, (e) => ({
      fields: [
        ['ID', e.Id],
        ['Request ID', e.RequestId],
        ['Time', e.Time],
        ['User', e.User],
        ['Token expires', e.TokenExpiresAt],
        ['IP', e.Ip],
        ['Request', `${e.Method} ${e.Query === null ? e.Path : `${e.Path}?${e.Query}`}`],
        ['Status', e.Status],
        ['Duration (ms)', e.DurationMs],
        ['Ignored', e.IgnoredProperties],
        ['Coerced', e.CoercedProperties],
        ['Fault', e.Fault],
        ['Request body', e.RequestBody],
        ['Response body', e.ResponseBody],
      ],
      headers: ['Header', 'Value'],
      rows: Object.entries(e.RequestHeaders ?? {}),
    }))
  })

  withConnection(requests.command('clear').description('empty the journal')).action(
    async (flags: ConnectionFlags) => {
      const cleared = await clientFrom(flags).sandbox.requests.clear()
      if (flags.json === true) {
        printJson(cleared)
      } else {
        process.stdout.write(`deleted ${cleared.Deleted} journal entries\n`)
      }
    },
  )

  withFilters(
    requests
      .command('tail')
      .description('follow new entries live, one line each (--json: whole entries); Ctrl-C ends')
      .option('--last <n>', 'start with the last n entries', positiveInt('--last'))
      .option('--interval <ms>', 'poll interval (default 500)', positiveInt('--interval')),
  ).action(async (flags: FilterFlags & { last?: number; interval?: number }) => {
    process.once('SIGINT', () => process.exit(0))
    const client = clientFrom(flags)
    const filter = filterOf(flags)
    const print = (e: RequestEntry) =>
      process.stdout.write(`${flags.json === true ? JSON.stringify(e) : requestLine(e)}\n`)
    const latest = await client.sandbox.requests.list({
      ...filter,
      pageSize: Math.min(200, flags.last ?? 1),
    })
    let afterId = latest.Items[0]?.Id ?? 0
    if (flags.last !== undefined) {
      latest.Items.slice(0, flags.last).reverse().forEach(print)
    }
    for (;;) {
      const page = await client.sandbox.requests.list({
        ...filter,
        afterId,
        order: 'oldest',
        pageSize: 200,
      })
      page.Items.forEach(print)
      afterId = page.Items.at(-1)?.Id ?? afterId
      if (page.Items.length < 200) {
        await sleep(flags.interval ?? 500)
      }
    }
  })
}
