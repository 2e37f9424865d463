import { readProcess, workflowActionNames } from '../../workflow/index.js';
import type { KindHandler } from './KindHandler.js';

/**
 * The BPMN is read (bpmn-moddle + the `zj` extension) and judged against the supported subset:
 * unsupported elements, unknown engine actions, broken FEEL conditions, unreachable steps and dead
 * ends, missing assignees. Every problem is at `/bpmn` and names the element.
 */
export const processHandler: KindHandler = {
  kind: 'process',
  async check(content, set, problem) {
    const { problems } = await readProcess(String(content.bpmn), {
      actions: workflowActionNames,
      exists: (kind, key) => set.get(kind, key) !== undefined,
    });
    return problems.map((p) => problem('/bpmn', p.message));
  },
};
