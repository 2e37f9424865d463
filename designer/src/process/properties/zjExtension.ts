import type { Moddle, ModdleElement } from '../modeler/services';

/**
 * Reading and writing our `zj` extension elements and FEEL conditions on BPMN business objects
 * (moddle elements): pure, so the same code serves the properties panel and the tests.
 */

export const zjTypes = { assignee: 'zj:Assignee', form: 'zj:Form', action: 'zj:Action' } as const;
export type ZjKind = keyof typeof zjTypes;

/** The attributes each extension element carries (engine/src/workflow/model/zj.json). */
export const zjAttributes: Record<ZjKind, readonly string[]> = {
  assignee: ['role', 'level', 'org', 'permission'],
  form: ['view', 'entity', 'document'],
  action: ['name'],
};

export type ZjAttrs = Partial<Record<string, string>>;

/** The FEEL language URI our definitions write on conditions. */
export const FEEL_LANGUAGE = 'https://www.omg.org/spec/DMN/20191111/FEEL/';

const values = (bo: ModdleElement): ModdleElement[] =>
  ((bo.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined) ?? [];

/** The attributes of the element's `zj:<kind>` extension (empty when it has none). */
export function readZj(bo: ModdleElement, kind: ZjKind): ZjAttrs {
  const found = values(bo).find((value) => value.$type === zjTypes[kind]);
  const attrs: ZjAttrs = {};
  for (const name of zjAttributes[kind]) {
    const value = found?.[name];
    if (typeof value === 'string' && value !== '') attrs[name] = value;
  }
  return attrs;
}

/** Attributes without empty ones (an emptied field removes the attribute, not writes `""`). */
const cleaned = (attrs: ZjAttrs): Record<string, string> =>
  Object.fromEntries(Object.entries(attrs).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
    .map(([name, value]) => [name, value.trim()]));

/**
 * The element's extension values with its `zj:<kind>` replaced by one with `attrs` (removed when
 * every attribute is empty); other extension elements keep their place.
 */
export function extensionValuesWith(bo: ModdleElement, moddle: Moddle, kind: ZjKind, attrs: ZjAttrs): ModdleElement[] {
  const type = zjTypes[kind];
  const kept = cleaned(attrs);
  const replacement = Object.keys(kept).length > 0 ? moddle.create(type, kept) : undefined;
  const current = values(bo);
  const at = current.findIndex((value) => value.$type === type);
  if (at < 0) return replacement ? [...current, replacement] : current;
  return [...current.slice(0, at), ...(replacement ? [replacement] : []), ...current.slice(at + 1)];
}

/** The FEEL text of a sequence flow's condition ('' when it has none). */
export const readCondition = (bo: ModdleElement): string =>
  String((bo.conditionExpression as ModdleElement | undefined)?.body ?? '');

/** The condition expression for `body` (undefined removes the condition). */
export const conditionExpression = (moddle: Moddle, body: string): ModdleElement | undefined =>
  (body.trim() === '' ? undefined : moddle.create('bpmn:FormalExpression', { body, language: FEEL_LANGUAGE }));
