export { EntityForm, entityWidgets, type EntityFormProps } from './EntityForm';
export { applyChangeBehaviours, applyErrorFilters, defaultBehaviours, factsFromIdNumber, idDocumentBehaviour,
  type FormBehaviour } from './behaviours';
export { defaultWidgetRules, prepareForm, type WidgetRule } from './prepareForm';
export { ApiRefSource, RendererContext, useRefLabels, useRefOptions, useRendererServices,
  type DictionarySource, type FileSource, type RefOption, type RefSource, type RendererServices } from './refs';
export { formSections, OTHER_SECTION_TITLE, SectionExtrasContext, SectionsTemplate, type FormSection, type SectionDeclaration,
  type SectionExtras } from './sections';
export { clearChangedFieldErrors, toFormErrors, type FormErrors } from './serverErrors';
export { constOptions, pointerSegments, propertySegments, schemaAt, titleAt } from './schemaPaths';
export { AddButton } from './templates/AddButton';
export { FieldTemplate } from './templates/FieldTemplate';
export { translateString } from './translateString';
export { customFormats, entityValidator, EntityValidator, formatMessages, isValidUscc, localizeErrors, toRjsfErrors, zhMessage }
  from './validation';
export { DictionarySelectWidget } from './widgets/DictionarySelectWidget';
export { RefSelectWidget } from './widgets/RefSelectWidget';
export { AttachmentCard, AttachmentListWidget, AttachmentWidget, acceptedFormats, fileProblem, formatSize, isAttachmentField } from './widgets/attachment';
