import type { DefinitionProblem } from '@zjrj/engine/contract';
import { Alert, List, Typography } from 'antd';
import { readablePath } from './problems';

/** The draft's validation problems, each with where it is; publishing is refused while there are any. */
export function ProblemsList({ problems }: { problems: DefinitionProblem[] }) {
  if (problems.length === 0) return <Alert type="success" showIcon title="校验通过：草稿可以发布。" data-testid="problems-none" />;
  return (
    <Alert type="error" showIcon data-testid="problems"
      title={`草稿有 ${problems.length} 个问题，修改后才能发布：`}
      description={(
        <List size="small" dataSource={problems} renderItem={(p) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>{readablePath(p.path)}</Typography.Text>
            {p.message}
          </List.Item>
        )} />
      )} />
  );
}
