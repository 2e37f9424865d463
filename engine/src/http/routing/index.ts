export { SecureRouter, type Access, type RouteSpec } from './SecureRouter.js';
