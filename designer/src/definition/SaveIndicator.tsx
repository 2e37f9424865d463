import { Tag } from 'antd';
import type { SaveState } from './useDraft';

const states: Record<SaveState, { text: string; color: string }> = {
  saved: { text: '已保存', color: 'green' },
  dirty: { text: '未保存', color: 'default' },
  saving: { text: '保存中…', color: 'processing' },
  failed: { text: '保存失败，将在下次修改时重试', color: 'red' },
};

/** 已保存 / 保存中 of the draft's autosave. */
export function SaveIndicator({ state, error }: { state: SaveState; error?: string }) {
  return <Tag color={states[state].color} title={error} data-testid="save-state" data-state={state}>{states[state].text}</Tag>;
}
