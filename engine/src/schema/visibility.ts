import type { ErrorItem } from '../errors/index.js';
import { compileVisibility, describeCondition, hasValue, hiddenFields, type VisibilityCondition } from '../rules/index.js';
import type { DictionaryLookup } from './dictionaries.js';

type SchemaNode = Record<string, unknown>;

/** How a clerk reads a field's value: the dictionary or choice label, else the value itself. */
function labelOf(node: SchemaNode | undefined, value: unknown, lookup: DictionaryLookup): string {
  const dictionary = typeof node?.['x-dictionary'] === 'string' ? lookup.dictionary(node['x-dictionary']) : undefined;
  const item = dictionary?.byCode.get(String(value));
  if (item) return item.label;
  const option = (node?.oneOf as SchemaNode[] | undefined)?.find((o) => o.const === value);
  if (typeof option?.title === 'string') return option.title;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/**
 * The entity's `ui:visibleWhen` conditions enforced on the server (never trust the client): a field
 * whose condition is false must be empty, and is then not required either.
 */
export class FieldVisibility {
  private readonly conditions: VisibilityCondition[];

  constructor(uiSchema: SchemaNode | undefined, private readonly properties: Record<string, SchemaNode>,
    private readonly lookup: DictionaryLookup) {
    this.conditions = compileVisibility(uiSchema, Object.keys(properties));
  }

  /** The fields that must stay empty for `data`. */
  hidden(data: Record<string, unknown>): string[] {
    return hiddenFields(this.conditions, data, Object.keys(this.properties));
  }

  /** Drops errors about hidden fields (e.g. "required") and refuses a value in any of them. */
  check(data: Record<string, unknown>, errors: ErrorItem[]): ErrorItem[] {
    const hidden = this.hidden(data);
    if (hidden.length === 0) return errors;
    const inHidden = (path: string | undefined) => hidden.some((f) => path === `/${f}` || path?.startsWith(`/${f}/`));
    // A derived field (`x-derive`) is computed by the server itself: its value is never the clerk's.
    const refused = hidden.filter((f) => hasValue(data[f]) && this.properties[f]?.['x-derive'] === undefined)
      .map((f): ErrorItem => ({ code: 'hiddenField', path: `/${f}`, message: this.message(f) }));
    return [...errors.filter((e) => !inHidden(e.path)), ...refused];
  }

  /** Computed when needed (dictionary labels may change while the entity version stays). */
  private message(field: string): string {
    const title = (name: string) => String(this.properties[name]?.title ?? name);
    const source = this.conditions.find((c) => c.field === field)!.source;
    const words = describeCondition(source, { title, label: (name, value) => labelOf(this.properties[name], value, this.lookup) });
    return `「${title(field)}」只在${words}时填写，请清空该项。`;
  }
}
