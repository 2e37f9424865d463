/**
 * Form sections declared in an entity's uiSchema:
 *
 *   "ui:sections": [{ "title": "基本信息", "description": "…", "fields": ["name", "creditCode"] }, …]
 *
 * Each field shows in the first section that names it; fields no section names are not lost: they
 * follow in a last section 其他信息. A section whose fields are all absent stays (with none) so
 * that the page keeps the shape users know.
 */
export interface SectionDeclaration {
  title: string;
  description?: string;
  fields: string[];
}

export interface FormSection {
  key: string;
  title: string;
  description?: string;
  fields: string[];
}

export const OTHER_SECTION_TITLE = '其他信息';

function isDeclaration(value: unknown): value is SectionDeclaration {
  const section = value as SectionDeclaration | null;
  return typeof section === 'object' && section !== null && typeof section.title === 'string'
    && Array.isArray(section.fields) && section.fields.every((f) => typeof f === 'string');
}

/** The sections of an object's fields (in the object's field order for the leftovers); undefined when none are declared. */
export function formSections(declared: unknown, fieldNames: readonly string[]): FormSection[] | undefined {
  if (!Array.isArray(declared) || declared.length === 0 || !declared.every(isDeclaration)) return undefined;
  const present = new Set(fieldNames);
  const placed = new Set<string>();
  const sections: FormSection[] = declared.map((section, index) => {
    const fields = section.fields.filter((f) => present.has(f) && !placed.has(f));
    fields.forEach((f) => placed.add(f));
    return { key: `section-${index}`, title: section.title, description: section.description, fields };
  });
  const rest = fieldNames.filter((f) => !placed.has(f));
  if (rest.length > 0) sections.push({ key: 'section-rest', title: OTHER_SECTION_TITLE, fields: rest });
  return sections;
}
