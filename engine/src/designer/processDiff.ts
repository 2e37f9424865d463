import type { ElementChange } from '../contract/index.js';
import { canonicalJson } from '../definitions/index.js';
import { parseProcess, type ProcessModel } from '../workflow/index.js';

type Element = { id: string; type: string; name?: string };

/** Every element of a process by id (nodes, sequence flows, the rest), read by the engine's own parser; none when unreadable. */
async function elementsOf(xml: unknown): Promise<Map<string, Element>> {
  if (typeof xml !== 'string' || xml.trim() === '') return new Map();
  let model: ProcessModel;
  try {
    model = await parseProcess(xml);
  } catch {
    return new Map();
  }
  const flows = Object.values(model.flows).map((f) => ({ ...f, type: 'bpmn:SequenceFlow' }));
  return new Map([...Object.values(model.nodes), ...flows, ...model.others].map((e) => [e.id, e as Element]));
}

/** Which BPMN elements a new version adds, removes or changes (any attribute, connection or extension), by id. */
export async function processElementDiff(beforeXml: unknown, afterXml: unknown): Promise<ElementChange[]> {
  const [before, after] = await Promise.all([elementsOf(beforeXml), elementsOf(afterXml)]);
  const change = (e: Element, op: ElementChange['op']): ElementChange => ({ id: e.id, type: e.type, ...(e.name ? { name: e.name } : {}), op });
  const changes: ElementChange[] = [];
  for (const [id, element] of after) {
    const old = before.get(id);
    if (!old) changes.push(change(element, 'add'));
    else if (canonicalJson(old) !== canonicalJson(element)) changes.push(change(element, 'change'));
  }
  for (const [id, element] of before) if (!after.has(id)) changes.push(change(element, 'remove'));
  return changes;
}
