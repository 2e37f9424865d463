import { Card, Col, Row, Typography } from 'antd';
import { entityPath, navigate } from '../router';
import { leafItems } from '../layout';
import { useActiveSession } from '../session';
import type { MenuItem } from '../../api';

/** The landing page: a greeting and the functions this user may open. */
export function HomePage({ menu }: { menu: readonly MenuItem[] }) {
  const { user } = useActiveSession();
  const items = leafItems(menu).filter((item) => item.entity);
  return (
    <div>
      <Typography.Title level={4}>您好，{user.nickname}</Typography.Title>
      <Typography.Paragraph type="secondary">请从左侧菜单或下面的列表中选择要办理的业务。</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {items.map((item) => (
          <Col key={item.key} xs={24} sm={12} lg={8} xl={6}>
            <Card hoverable size="small" onClick={() => navigate(entityPath(item.entity!))}>{item.title}</Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
