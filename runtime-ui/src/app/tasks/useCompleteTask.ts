import { useState } from 'react';
import { ApiError, errorMessage, type Task } from '../../api';
import { useAppServices } from '../AppServices';
import type { TaskFormView } from './taskForms';
import { needsComment, outcomeLabel } from './taskLabels';

/** Why a completion did not happen: a heading and, when the server said more, its words. */
export interface Refusal { title: string; detail?: string }

export const ALREADY_DONE = '该任务已被处理，请刷新列表';

function refusalOf(error: unknown): Refusal {
  if (error instanceof ApiError && error.status === 409) return { title: ALREADY_DONE, detail: error.message };
  return { title: errorMessage(error) };
}

export interface CompleteTask {
  comment: string;
  setComment(text: string): void;
  /** The outcome being sent, while the request runs. */
  busy: string | null;
  refusal: Refusal | null;
  complete(outcome: string): Promise<void>;
}

/**
 * Completing one task: 不同意 and 退回修改 need a comment, and the task's form view may check what it
 * sends (checked here so the user is told at once; the server decides everything else and its
 * refusal is shown in its words).
 */
export function useCompleteTask(task: Task, onCompleted: (task: Task) => void,
  form?: { view?: TaskFormView; data?: Record<string, unknown> }): CompleteTask {
  const { api } = useAppServices();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const complete = async (outcome: string) => {
    const text = comment.trim();
    if (needsComment(outcome) && !text) {
      setRefusal({ title: `请填写意见：选择“${outcomeLabel(outcome)}”时须写明原因，申请人将据此了解结果或修改后重新提交。` });
      return;
    }
    const reason = form?.view?.check?.(outcome, form.data, text);
    if (reason) {
      setRefusal({ title: reason });
      return;
    }
    setBusy(outcome);
    setRefusal(null);
    try {
      onCompleted(await api.tasks.complete(task.id, { outcome, comment: text, ...(form?.data ? { data: form.data } : {}) }));
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setBusy(null);
    }
  };
  return { comment, setComment, busy, refusal, complete };
}
