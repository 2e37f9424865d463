export { OrgService, type OrgLevel } from './OrgService.js';
