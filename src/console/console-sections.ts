import type { ConsoleSectionRegistrar } from './console-routes.ts'
import { registerHome } from './home.page.ts'
import { registerOrders } from './orders.page.ts'
import { registerPurchaseOrders } from './purchase-orders.page.ts'
import { registerCrossdock } from './crossdock.page.ts'
import { registerStock } from './stock.page.ts'
import { registerRequests } from './requests.page.ts'
import { registerSandbox } from './sandbox.page.ts'

/** Every section of the console, in the order of its navigation. */
export const CONSOLE_SECTIONS: readonly ConsoleSectionRegistrar[] = [
  registerHome,
  registerOrders,
  registerPurchaseOrders,
  registerCrossdock,
  registerStock,
  registerRequests,
  registerSandbox,
]
