/**
 * The task form views of the business flows, registered once at start-up: each flow's folder
 * exports its `register…TaskForms()` and is listed here, so the task drawer stays unaware of them.
 */
import { registerChangeRequestTaskForms } from './changeRequests';
import { registerPreRegistrationTaskForms } from './preRegistration';
import { registerTransferTaskForms } from './transfers';

const registrations: Array<() => void> = [registerChangeRequestTaskForms, registerPreRegistrationTaskForms, registerTransferTaskForms];

let registered = false;

export function registerTaskForms(): void {
  if (registered) return;
  registered = true;
  for (const register of registrations) register();
}
