import Form from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type { ErrorSchema, RegistryWidgetsType, RJSFSchema, RJSFValidationError } from '@rjsf/utils';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { JsonObject, SchemaNode, UiSchemaNode } from '../api';
import { applyChangeBehaviours, applyErrorFilters, defaultBehaviours, type FormBehaviour } from './behaviours';
import { prepareForm, defaultWidgetRules, type WidgetRule } from './prepareForm';
import { RendererContext, type RendererServices } from './refs/RendererServices';
import { SectionsTemplate } from './sections';
import { AddButton } from './templates/AddButton';
import { FieldTemplate } from './templates/FieldTemplate';
import { translateString } from './translateString';
import { entityValidator, localizeErrors } from './validation';
import { compileFormVisibility, hiddenFor, hideFields, visibilityBehaviour, withoutHidden, type FormVisibility } from './visibility';
import './EntityForm.css';
import { DictionarySelectWidget } from './widgets/DictionarySelectWidget';
import { RefSelectWidget } from './widgets/RefSelectWidget';
import { AttachmentListWidget, AttachmentWidget } from './widgets/attachment';

export interface EntityFormProps {
  /** The entity's published JSON Schema (with the engine's `x-` annotations) and uiSchema. */
  schema: SchemaNode;
  uiSchema?: UiSchemaNode;
  /** The data shown; a new object (not the one last reported by onChange) replaces what is typed. */
  formData?: JsonObject;
  onChange?: (data: JsonObject) => void;
  /** Called with the data once it passes the browser-side checks. */
  onSubmit?: (data: JsonObject) => void;
  /** Errors from the server, shaped like the data (`{idNumber: {__errors: ['…']}}`). */
  extraErrors?: ErrorSchema;
  readonly?: boolean;
  disabled?: boolean;
  /** The `<form>` element's id, so a button elsewhere can submit it (`<button form={id}>`). */
  id?: string;
  /** Prefix of the fields' element ids (default `root`): needed when two forms of one entity share a page. */
  idPrefix?: string;
  /** Text of the form's own submit button (default 保存); `false` renders none. */
  submitText?: string | false;
  /** Where reference and tree-dictionary widgets get their data (default: the enclosing RendererContext). */
  services?: RendererServices;
  behaviours?: readonly FormBehaviour[];
  widgetRules?: readonly WidgetRule[];
  children?: ReactNode;
}

export const entityWidgets: RegistryWidgetsType = {
  refSelect: RefSelectWidget,
  dictionarySelect: DictionarySelectWidget,
  attachment: AttachmentWidget,
  attachments: AttachmentListWidget,
};
const templates = { FieldTemplate, ObjectFieldTemplate: SectionsTemplate, ButtonTemplates: { AddButton } };
const formContext = { readonlyAsDisabled: true, descriptionLocation: 'below', labelAlign: 'left' };
/** Errors are shown under their fields; rjsf would otherwise also log them to the console. */
const ignoreErrors = () => undefined;
const defaultsBehaviour = { constAsDefaults: 'skipOneOf' as const };

function submitOptions(submitText: string | false) {
  return submitText === false
    ? { norender: true }
    : { submitText, props: { type: 'primary' as const, autoInsertSpace: false } };
}

interface FormState {
  data: JsonObject;
  handleChange(event: IChangeEvent): void;
  transformErrors(errors: RJSFValidationError[]): RJSFValidationError[];
}

/**
 * The typed data (replaced only when a new `formData` comes in) with the schema's behaviours applied;
 * values of fields hidden by `ui:visibleWhen` are left out from the start.
 */
function useFormState(props: EntityFormProps, behaviours: readonly FormBehaviour[], visibility: FormVisibility): FormState {
  const { schema, onChange: reportChange } = props;
  const [data, setData] = useState<JsonObject>(() => withoutHidden(visibility, props.formData ?? {}));
  const dataRef = useRef(data);
  const visibilityRef = useRef(visibility);
  visibilityRef.current = visibility;
  useEffect(() => {
    const initial = withoutHidden(visibilityRef.current, props.formData ?? {});
    dataRef.current = initial;
    setData(initial);
  }, [props.formData]);

  const handleChange = useCallback((event: IChangeEvent) => {
    const next = applyChangeBehaviours(behaviours, schema, dataRef.current, (event.formData ?? {}) as JsonObject);
    dataRef.current = next;
    setData(next);
    reportChange?.(next);
  }, [behaviours, schema, reportChange]);

  const transformErrors = useCallback((errors: RJSFValidationError[]) =>
    applyErrorFilters(behaviours, schema, localizeErrors(errors, schema), dataRef.current), [behaviours, schema]);

  return { data, handleChange, transformErrors };
}

/**
 * A record form rendered by @rjsf/antd from an entity's published schema: Chinese messages and
 * strings, reference and dictionary selects, server errors under their fields, and behaviours the
 * schema's annotations ask for (e.g. sex and birth date filled from an ID number).
 */
export function EntityForm(props: EntityFormProps) {
  const { schema, uiSchema, services, submitText = '保存', onSubmit } = props;
  // A read-only form shows a stored record as it is (detail views): no field hidden, nothing cleared.
  const visibility = useMemo(() => compileFormVisibility(schema, props.readonly ? undefined : uiSchema), [schema, uiSchema, props.readonly]);
  const behaviours = useMemo(() => [...(props.behaviours ?? defaultBehaviours), visibilityBehaviour(visibility)],
    [props.behaviours, visibility]);
  const state = useFormState(props, behaviours, visibility);
  const hidden = hiddenFor(visibility, state.data).join('\n');
  const prepared = useMemo(() => {
    const form = prepareForm(schema, uiSchema, props.widgetRules ?? defaultWidgetRules);
    const shown = hideFields(form.uiSchema, hidden ? hidden.split('\n') : []);
    return { ...form, uiSchema: { ...shown, 'ui:submitButtonOptions': submitOptions(submitText) } };
  }, [schema, uiSchema, props.widgetRules, submitText, hidden]);

  const form = (
    <Form
      id={props.id}
      idPrefix={props.idPrefix}
      className="zjrj-entity-form"
      schema={prepared.schema as RJSFSchema}
      uiSchema={prepared.uiSchema}
      formData={state.data}
      validator={entityValidator}
      widgets={entityWidgets}
      templates={templates}
      formContext={formContext}
      experimental_defaultFormStateBehavior={defaultsBehaviour}
      extraErrors={props.extraErrors}
      transformErrors={state.transformErrors}
      translateString={translateString}
      onChange={state.handleChange}
      onError={ignoreErrors}
      onSubmit={(event) => onSubmit?.(withoutHidden(visibility, (event.formData ?? {}) as JsonObject))}
      readonly={props.readonly}
      disabled={props.disabled}
      showErrorList={false}
      noHtml5Validate
      focusOnFirstError
    >
      {props.children}
    </Form>
  );
  return services ? <RendererContext.Provider value={services}>{form}</RendererContext.Provider> : form;
}
