import { DeleteOutlined, DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage, type FileMeta } from '../../../api';
import type { FileSource } from '../../refs';
import { formatSize, isImage } from './attachmentFiles';

type MetaState = { status: 'loading' } | { status: 'ready'; meta: FileMeta } | { status: 'failed'; message: string };

function useFileMeta(files: FileSource, id: string): MetaState {
  const [state, setState] = useState<MetaState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    files.meta(id).then((meta) => { if (live) setState({ status: 'ready', meta }); },
      (error: unknown) => { if (live) setState({ status: 'failed', message: errorMessage(error) }); });
    return () => { live = false; };
  }, [files, id]);
  return state;
}

const BOX = { border: '1px solid #d9d9d9', borderRadius: 4, padding: 8 } as const;

export interface AttachmentCardProps {
  files: FileSource;
  id: string;
  /** 替换 (a picker) when the field may change. */
  replace?: ReactNode;
  onRemove?(): void;
}

/** One stored file: a preview for images, name and size, 下载, and where allowed 替换 and 删除. */
export function AttachmentCard({ files, id, replace, onRemove }: AttachmentCardProps) {
  const state = useFileMeta(files, id);
  const url = files.url(id);
  const meta = state.status === 'ready' ? state.meta : undefined;
  return (
    <Flex gap={12} align="center" style={BOX} data-testid="attachment-card">
      {meta && isImage(meta.mediaType)
        ? <Image src={url} alt={meta.filename} width={72} height={72} style={{ objectFit: 'cover' }} />
        : <FileTextOutlined style={{ fontSize: 40, color: '#8c8c8c' }} />}
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        {state.status === 'loading' && <Typography.Text type="secondary">正在读取附件信息…</Typography.Text>}
        {state.status === 'failed' && <Typography.Text type="danger">{state.message}</Typography.Text>}
        {meta && <Typography.Text ellipsis={{ tooltip: meta.filename }}>{meta.filename}</Typography.Text>}
        {meta && <Typography.Text type="secondary">{formatSize(meta.size)}</Typography.Text>}
      </Flex>
      <Space size={4} wrap>
        {meta && <Button size="small" icon={<DownloadOutlined />} href={url} download={meta.filename}>下载</Button>}
        {replace}
        {onRemove && (
          <Popconfirm title="确定删除这个附件吗？" description="删除后需要重新上传。" okText="删除" cancelText="取消"
            okButtonProps={{ danger: true }} onConfirm={onRemove}>
            <Button size="small" danger icon={<DeleteOutlined />}>删除</Button>
          </Popconfirm>
        )}
      </Space>
    </Flex>
  );
}
