// The face of the fault-injection module (sandbox controls): the /admin/faults routes, the hooks
// that apply the rules, and the wire schemas for the SDK.
export { registerFaultRoutes } from './faults.routes.ts'
export {
  FAULT_HEADER,
  FaultInjection,
  registerFaultMatching,
  registerFaultResponses,
} from './faults.hooks.ts'
export { FAULT_RULES_REFRESH_MS } from './faults.service.ts'
export {
  FAULT_PRESETS,
  FaultResponse,
  FaultRule,
  FaultRuleCreate,
  FaultRuleList,
  FaultsCleared,
} from './faults.schemas.ts'
