import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { DictionaryLookup } from '../../schema/dictionaries.js';
import type { DefinitionContent, DefinitionKind, DefinitionProblem } from '../types.js';

/** The definitions in force once a change is applied: what references must resolve against. */
export interface DefinitionSetView extends DictionaryLookup {
  get(kind: DefinitionKind, key: string): DefinitionContent | undefined;
  /** One ajv for every entity checked against this set (compiling is the slow part of a check). */
  entityAjv(): Ajv2020;
}

export type ProblemAt = (path: string, message: string) => DefinitionProblem;

/**
 * Semantic checks of one kind, beyond its meta-schema (uniqueness, references, compilation). A check
 * may be asynchronous (a process's BPMN is read by bpmn-moddle, whose parser answers a promise).
 */
export interface KindHandler {
  kind: DefinitionKind;
  check(content: DefinitionContent, set: DefinitionSetView, problem: ProblemAt): DefinitionProblem[] | Promise<DefinitionProblem[]>;
}
