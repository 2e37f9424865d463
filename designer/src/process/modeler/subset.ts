/**
 * The supported BPMN subset as the modeler offers it: what the engine's validation accepts
 * (engine/src/workflow/validate: none start and end events, user and service tasks, exclusive and
 * parallel gateways, sequence flows). Everything else is removed from the palette, the context pad
 * and the replace menu, so a modeller cannot draw what publishing would refuse.
 */

/** bpmn-js palette entries kept (tools and the supported element types). */
export const paletteKept = [
  'hand-tool', 'lasso-tool', 'space-tool', 'global-connect-tool', 'tool-separator',
  'create.start-event', 'create.end-event', 'create.exclusive-gateway',
] as const;

/** Context pad entries kept on a selected element (ours add user and service tasks). */
export const contextPadKept = ['delete', 'connect', 'replace', 'append.end-event', 'append.gateway', 'append.text-annotation'] as const;

/** Replace menu entries kept: the supported types (and the default flow of an exclusive gateway). */
export const replaceKept = [
  'replace-with-none-start', 'replace-with-none-end', 'replace-with-user-task', 'replace-with-service-task',
  'replace-with-exclusive-gateway', 'replace-with-parallel-gateway', 'replace-with-sequence-flow', 'replace-with-default-flow',
] as const;

/** The element types the modeler creates itself (palette and context pad), with their icons. */
export const addedTypes = [
  { id: 'user-task', type: 'bpmn:UserTask', className: 'bpmn-icon-user-task', title: '用户任务（由人审核或填写）' },
  { id: 'service-task', type: 'bpmn:ServiceTask', className: 'bpmn-icon-service-task', title: '服务任务（由引擎执行动作）' },
  { id: 'parallel-gateway', type: 'bpmn:ParallelGateway', className: 'bpmn-icon-gateway-parallel', title: '并行网关（同时进行、全部完成后汇合）' },
] as const;

/** Keeps only the listed entries, in their original order. */
export function keepEntries<T>(entries: Record<string, T>, kept: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).filter(([id]) => kept.includes(id)));
}

/** Chinese for the bpmn-js texts a modeller sees on the kept entries (bpmn-js `translate`). */
const zh: Record<string, string> = {
  'Activate hand tool': '移动画布',
  'Activate lasso tool': '框选',
  'Activate create/remove space tool': '插入或删除空白',
  'Activate global connect tool': '连线（顺序流）',
  'Create start event': '开始事件（用户提交时启动）',
  'Create end event': '结束事件',
  'Create gateway': '排他网关（按条件选一条分支）',
  'Append end event': '接一个结束事件',
  'Append gateway': '接一个排他网关',
  'Add text annotation': '添加注释',
  'Change element': '更改类型',
  'Delete': '删除',
  'Connect to other element': '连线到其他元素',
  'Start event': '开始事件',
  'End event': '结束事件',
  'User task': '用户任务',
  'Service task': '服务任务',
  'Exclusive gateway': '排他网关',
  'Parallel gateway': '并行网关',
  'Sequence flow': '顺序流',
  'Default flow': '默认顺序流',
  'Search': '搜索',
  'No matching entries found.': '没有匹配的项目',
};

/** bpmn-js's translate service: Chinese where known, `{placeholders}` filled in. */
export function translate(template: string, replacements: Record<string, string> = {}): string {
  return (zh[template] ?? template).replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
}
