import type { ComponentType } from 'react';
import type { Task } from '../../api';

/**
 * What a task's body shows and what it adds to the completion. A view reports the data the approver
 * set (corrections, per-person returns …) through `onData`; `check` runs before an outcome is sent
 * and returns the Chinese reason it cannot be sent yet (e.g. a return without its reason).
 */
export interface TaskFormProps {
  task: Task;
  /** Whether the task is open and this user may still change what is sent with the completion. */
  editable: boolean;
  onData(data: Record<string, unknown> | undefined): void;
}

export interface TaskFormView {
  Body: ComponentType<TaskFormProps>;
  /** Why `outcome` cannot be sent with `data` yet; undefined when it can. */
  check?(outcome: string, data: Record<string, unknown> | undefined, comment: string): string | undefined;
}

const views = new Map<string, TaskFormView>();

/** Registers the body of the tasks whose `<zj:form view="…"/>` names `view` (one per business flow folder). */
export function registerTaskForm(view: string, form: TaskFormView): void {
  views.set(view, form);
}

/** The registered view of the task's form, if any (else the drawer lists the instance data). */
export function taskFormOf(task: Task): TaskFormView | undefined {
  return task.form?.view ? views.get(task.form.view) : undefined;
}
