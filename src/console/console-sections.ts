import type { ConsoleSectionRegistrar } from './console-routes.ts'
import { registerHome } from './home.page.ts'

/** Every section of the console, in the order of its navigation. */
export const CONSOLE_SECTIONS: readonly ConsoleSectionRegistrar[] = [registerHome]
