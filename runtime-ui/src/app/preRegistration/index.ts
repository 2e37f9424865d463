/**
 * 医师资格考试预报名 (R-8.1) in the runtime UI: 预报名上报 (the institution's candidates, readiness,
 * 上报 and 撤回), 预报名审核结果 (the bureaus' accepted lists and export), and the district's
 * `candidateList` task view in 待办审批.
 */
import { registerTaskForm } from '../tasks';
import { candidateListTaskForm } from './CandidateListTaskBody';

export { AcceptedListPage } from './AcceptedListPage';
export { PreRegistrationPage } from './PreRegistrationPage';
export { ACCEPTED_KEY, SUBMIT_KEY } from './labels';

/** Registers the `candidateList` task view (definitions/processes/preRegistration.json). */
export function registerPreRegistrationTaskForms(): void {
  registerTaskForm('candidateList', candidateListTaskForm);
}
