export { TaskDrawer, type TaskDrawerProps } from './TaskDrawer';
export { HistoryTimeline, TaskHistory } from './TaskHistory';
export { TasksPage } from './TasksPage';
export { ALREADY_DONE, useCompleteTask, type CompleteTask, type Refusal } from './useCompleteTask';
export { eventLabel, needsComment, outcomeLabel, outcomeShortLabel, processName, TASKS_KEY } from './taskLabels';
export { registerTaskForm, taskFormOf, type TaskFormProps, type TaskFormView } from './taskForms';
