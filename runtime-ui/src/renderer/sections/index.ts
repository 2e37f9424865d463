export { formSections, OTHER_SECTION_TITLE, type FormSection, type SectionDeclaration } from './sections';
export { SectionExtrasContext, type SectionExtras } from './SectionExtras';
export { SectionsTemplate } from './SectionsTemplate';
