import type { DefinitionProblem } from '@zjrj/engine/contract';

/**
 * The engine names an element in a process problem as `元素「Task_1」（bpmn:UserTask）…`
 * (engine/src/workflow/validate/context.ts `label`): the id of the element a problem is about.
 */
export function elementIdOf(problem: DefinitionProblem): string | undefined {
  return /元素「([^」]+)」（/.exec(problem.message)?.[1];
}

/** The problems naming an element, grouped by element id (for markers and the panel). */
export function problemsByElement(problems: DefinitionProblem[]): Map<string, DefinitionProblem[]> {
  const byId = new Map<string, DefinitionProblem[]>();
  for (const problem of problems) {
    const id = elementIdOf(problem);
    if (id) byId.set(id, [...(byId.get(id) ?? []), problem]);
  }
  return byId;
}
