export { SecureRouter, type Access, type RouteSpec } from './SecureRouter.js';
export { contentDisposition, encodeParameter } from './contentDisposition.js';
export { sendDownload, XLSX, type Download } from './download.js';
