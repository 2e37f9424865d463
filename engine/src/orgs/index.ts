export { isBureauLevel, OrgService, type OrgLevel } from './OrgService.js';
