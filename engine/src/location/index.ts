export { LocationRequestService } from './LocationRequestService.js';
