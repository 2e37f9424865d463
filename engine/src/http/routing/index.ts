export { SecureRouter, type Access, type RouteSpec } from './SecureRouter.js';
export { contentDisposition } from './contentDisposition.js';
