import type { TaskRow } from '../workflow/index.js';
import type { ChangeRequest } from './ChangeRequestRepository.js';

/** Where a request's review stands, for the institution's page and the reviewer. */
export interface ReviewState {
  /** Pending and sent back: the institution revises (PUT /api/change-requests/:id) or withdraws it. */
  sentBack: boolean;
  /** The reviewer's latest comment (the reason of a send-back or a rejection), if any. */
  reviewComment: string | null;
  /** Pending, and either nobody reviewed it yet or it waits for the institution's revision. */
  withdrawable: boolean;
}

/**
 * The review state from the tasks of the request's instance, in creation order (`initiator` tasks
 * are the institution's own; the last done review is the latest round).
 */
export function reviewState(request: ChangeRequest, tasks: readonly TaskRow[]): ReviewState {
  const reviews = tasks.filter((t) => t.assigneeRole !== 'initiator' && t.status === 'done');
  const pending = request.status === 'pending';
  const sentBack = pending && tasks.some((t) => t.assigneeRole === 'initiator' && t.status === 'open');
  return { sentBack, reviewComment: reviews.at(-1)?.comment ?? null, withdrawable: pending && (sentBack || reviews.length === 0) };
}
