/**
 * 机构信息修改 in the runtime UI: the panel on 机构信息维护 (request, pending request,
 * 修改申请记录) and the `changeRequest` task view (the bureau's before/after, the institution's revision).
 */
import { registerTaskForm } from '../tasks';
import { changeRequestTaskForm } from './ChangeRequestTaskBody';

export { CHANGE_REQUEST_ENTITY, changeFormOf, type ChangeForm } from './changeForm';
export { ChangeRequestPanel, type ChangeRequestPanelProps } from './ChangeRequestPanel';
export { statusOf } from './changeRequestStatus';

/** Registers the `changeRequest` task view (definitions/processes/institutionChange.json). */
export function registerChangeRequestTaskForms(): void {
  registerTaskForm('changeRequest', changeRequestTaskForm);
}
