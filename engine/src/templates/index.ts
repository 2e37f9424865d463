export { TemplateService } from './TemplateService.js';
