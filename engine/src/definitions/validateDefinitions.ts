import { DefinitionSet } from './DefinitionSet.js';
import { kindHandlers } from './kinds/index.js';
import type { MetaSchemas } from './metaSchemas.js';
import type { DefinitionContent, DefinitionProblem } from './types.js';

/** A definition offered for publication: from a file at start, or a draft in the designer. */
export interface Candidate {
  source: string;
  content: DefinitionContent;
}

/**
 * Validates candidates as a whole against the definitions already in force: meta-schema, duplicate
 * keys, then each kind's semantic checks (references resolve within the resulting set).
 */
export async function validateDefinitions(candidates: Candidate[], inForce: Iterable<DefinitionContent>,
  metaSchemas: MetaSchemas): Promise<DefinitionProblem[]> {
  const problems: DefinitionProblem[] = [];
  const set = new DefinitionSet(inForce);
  const seen = new Map<string, string>();
  const valid: Candidate[] = [];
  for (const candidate of candidates) {
    const metaProblems = metaSchemas.validate(candidate.source, candidate.content);
    problems.push(...metaProblems);
    const id = `${String(candidate.content.kind)}:${String(candidate.content.key)}`;
    const first = seen.get(id);
    if (first) problems.push({ source: candidate.source, path: '/key', message: `与 ${first} 的键「${candidate.content.key}」重复` });
    seen.set(id, candidate.source);
    set.put(candidate.content);
    if (metaProblems.length === 0 && !first) valid.push(candidate);
  }
  for (const { source, content } of valid) {
    const handler = kindHandlers[content.kind];
    problems.push(...await handler.check(content, set, (path, message) => ({ source, path, message })));
  }
  return problems;
}
