export { DesignerApp } from './DesignerApp';
export { createDesignerServices, useDesignerServices, type DesignerServices } from './DesignerServices';
export { goTo, parseRoute, routeHash, useRoute, type DesignerRoute } from './hashRoute';
export { loginUrl, resolveAccess, type DesignerAccess } from './useDesignerAccess';
