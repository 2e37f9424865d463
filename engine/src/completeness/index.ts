export { CompletenessService } from './CompletenessService.js';
