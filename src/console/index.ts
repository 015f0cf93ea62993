// The face of the web console: the app root mounts it under /console (docs/console.md).
export { CONSOLE_PREFIX, registerConsole, type ConsoleDeps } from './console.plugin.ts'
export { CONSOLE_SECTIONS } from './console-sections.ts'
