import type { EntityDefinition, RecordItem } from '../../api';
import { cellText, listFields } from '../../list';
import type { TreeShape } from './recordTree';

const NO_REFS = { refLabels: new Map() };

/** What a tree node shows after its name: its other list fields as labels (e.g. 科室（部门） · 内科). */
export function nodeSummary(definition: EntityDefinition, shape: TreeShape, record: RecordItem): string {
  return listFields(definition.schema)
    .filter(([name]) => name !== shape.titleField && name !== shape.parentField)
    .map(([name, node]) => cellText(record.data[name], node, NO_REFS))
    .filter((text) => text !== '')
    .join(' · ');
}
