// The face of the saved catalog views module (issue 20, item 2).
export { registerViewAdminRoutes, registerViewRoutes } from './views.routes.ts'
export {
  checkViewFixtures,
  getView,
  listViews,
  parseViewFilter,
  readViewPage,
  writeViewFixtures,
  type CatalogView,
  type ViewInput,
} from './views.service.ts'
export {
  AdminView,
  AdminViewList,
  FixtureView,
  GetAllByViewQuery,
  ProductsInViewQuery,
  SavedView,
  SavedViewList,
  ViewFilter,
} from './views.schemas.ts'
