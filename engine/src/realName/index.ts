/** Real-name verification: application, PDF, submission and the review's actions. */
export { RealNameService, type RealNameServiceDeps } from './RealNameService.js';
export { registerRealNameActions, type RealNameActionDeps } from './actions.js';
export type { Application, ApplicationStatus } from './ApplicationRepository.js';
export type { RealNameForm } from './form.js';
