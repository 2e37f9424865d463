import { Templates } from '@rjsf/antd';
import type { ObjectFieldTemplatePropertyType, ObjectFieldTemplateProps } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useContext } from 'react';
import { formSections } from './sections';
import { SectionExtrasContext } from './SectionExtras';

const DefaultObjectTemplate = Templates.ObjectFieldTemplate!;
const GUTTER = 24;

/** Like the antd theme: lists, objects and text areas take the whole row, other fields half of it. */
function span(property: ObjectFieldTemplatePropertyType): number {
  const { schema, uiSchema } = property.content.props as { schema?: { type?: unknown }; uiSchema?: Record<string, unknown> };
  const wide = schema?.type === 'object' || schema?.type === 'array' || getUiOptions(uiSchema).widget === 'textarea';
  return wide ? 24 : 12;
}

/**
 * The object template of every entity form: an object whose uiSchema declares `ui:sections` is
 * shown as one card per section (基本信息, 机构信息 …); any other object as the antd theme does.
 */
export function SectionsTemplate(props: ObjectFieldTemplateProps) {
  const extras = useContext(SectionExtrasContext);
  const visible = props.properties.filter((p) => !p.hidden);
  const sections = formSections(getUiOptions(props.uiSchema).sections, visible.map((p) => p.name));
  if (!sections) return <DefaultObjectTemplate {...props} />;
  const byName = new Map(visible.map((p) => [p.name, p]));
  return (
    <div id={props.fieldPathId.$id} className="zjrj-form-sections">
      {sections.map((section) => (
        <Card key={section.key} size="small" title={section.title} extra={extras?.(section)} style={{ marginBottom: 16 }}
          data-section={section.title}>
          {section.description && <Typography.Paragraph type="secondary">{section.description}</Typography.Paragraph>}
          {section.fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本部分暂无需要填写的内容" />}
          <Row gutter={GUTTER}>
            {section.fields.map((name) => {
              const property = byName.get(name)!;
              return <Col key={name} xs={24} md={span(property)}>{property.content}</Col>;
            })}
          </Row>
        </Card>
      ))}
    </div>
  );
}
