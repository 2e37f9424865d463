/**
 * What a process modeller may write, for the designer in the browser (`@zjrj/engine/workflow`):
 * the `zj` moddle extension, the assignment vocabulary, the condition variables and the registered
 * engine actions. Pure data, no Node modules.
 */
export { workflowActions, type WorkflowActionName } from './actions.js';
export { assigneeLevels, assigneeOrgPattern, assigneeRoles, conditionVariables, type AssigneeLevel, type AssigneeRole } from './model/assignment.js';
export { default as zjDescriptor } from './model/zj.json' with { type: 'json' };
