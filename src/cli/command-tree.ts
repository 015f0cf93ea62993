import type { Command } from 'commander'

// `crossdock --help` ends with every command, nested groups included (`po tracking add`), so one
// screen shows all the CLI can do. Built from the registered commands when help is printed.

/** The runnable commands under `root`, each as its words after the program name, depth first. */
export function commandPaths(root: Command): string[][] {
  const paths: string[][] = []
  const walk = (command: Command, prefix: string[]) => {
    for (const sub of command.commands) {
      const path = [...prefix, sub.name()]
      if (sub.commands.length === 0) {
        paths.push(path)
      } else {
        walk(sub, path)
      }
    }
  }
  walk(root, [])
  return paths
}

/** The "Every command" block: one line per command, its arguments and its description. */
export function commandTreeText(root: Command, columns = process.stdout.columns || 80): string {
  const lines: Array<[string, string]> = []
  const walk = (command: Command, prefix: string) => {
    for (const sub of command.commands) {
      const name = `${prefix}${sub.name()}`
      if (sub.commands.length === 0) {
        const args = sub.registeredArguments
          .map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`))
          .join(' ')
        lines.push([args === '' ? name : `${name} ${args}`, sub.description()])
      } else {
        walk(sub, `${name} `)
      }
    }
  }
  walk(root, '')
  const width = Math.max(...lines.map(([term]) => term.length))
  const room = Math.max(20, columns - width - 4)
  return `\nEvery command (crossdock <command> --help for its options):\n${lines
    .map(([term, description]) =>
      `  ${term.padEnd(width)}  ${shorten(description, room)}`.trimEnd(),
    )
    .join('\n')}\n`
}

/** One line of at most `room` characters, cut at a word with `…` (the command's help has it all). */
function shorten(text: string, room: number): string {
  if (text.length <= room) {
    return text
  }
  const cut = text.slice(0, room - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > room / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(]+$/, '')}…`
}
