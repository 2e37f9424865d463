import type { FieldTemplateProps, GenericObjectType } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';
import { Form } from 'antd';

const FULL_SPAN = { span: 24 };

/**
 * One field as an antd Form.Item (label bound to the input for accessibility). Unlike the antd
 * theme's template it shows the field's errors *and* its help text together: a server error on a
 * field with help (e.g. 证件号码) must never be hidden behind the help.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { children, description, displayLabel, errors, help, rawHelp, hidden, id, label, rawErrors,
    rawDescription, registry, required, schema, uiSchema } = props;
  const { colon, wrapperStyle } = registry.formContext as GenericObjectType;
  const uiOptions = getUiOptions(uiSchema);
  const WrapIfAdditionalTemplate = getTemplate('WrapIfAdditionalTemplate', registry, uiOptions);
  if (hidden) return <div className="rjsf-field-hidden">{children}</div>;

  const hasErrors = (rawErrors?.length ?? 0) > 0;
  const extra = rawDescription || rawHelp
    ? <>{rawDescription ? description : null}{rawHelp ? help : null}</>
    : undefined;
  const isCheckbox = uiOptions.widget === 'checkbox';
  return (
    <WrapIfAdditionalTemplate {...props}>
      <Form.Item
        colon={colon}
        hasFeedback={false}
        help={hasErrors ? errors : undefined}
        extra={extra}
        htmlFor={id}
        label={displayLabel && !isCheckbox && label}
        labelCol={FULL_SPAN}
        wrapperCol={FULL_SPAN}
        required={required}
        style={wrapperStyle}
        validateStatus={hasErrors ? 'error' : undefined}
        data-field={schema.type === 'object' ? undefined : id}
      >
        {children}
      </Form.Item>
    </WrapIfAdditionalTemplate>
  );
}
