import { DictionaryEditor } from '../dictionary';
import { EntityEditor } from '../entity';
import { ProcessDiffView, ProcessEditor } from '../process';
import { RulesetEditor } from '../ruleset';
import type { KindDiffView, KindEditor } from './types';

/**
 * The visual editor of each definition kind; kinds without one are edited as raw JSON only.
 * Each kind's folder adds its line here (entity, dictionary, ruleset, process).
 */
export const kindEditors: Partial<Record<string, KindEditor>> = {
  ruleset: RulesetEditor,
  process: ProcessEditor,
  entity: EntityEditor,
  dictionary: DictionaryEditor,
};

/** A kind's own view of a diff, shown under the path/before/after table (a process: both diagrams marked). */
export const kindDiffViews: Partial<Record<string, KindDiffView>> = {
  process: ProcessDiffView,
};
