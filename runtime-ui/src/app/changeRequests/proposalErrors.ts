import type { ErrorSchema } from '@rjsf/utils';
import { ApiError, errorMessage, type SchemaNode } from '../../api';
import { toFormErrors } from '../../renderer';

/** A refused proposal split for the form: errors under the fields, the reason's, and the rest. */
export interface ProposalErrors { extraErrors?: ErrorSchema; reasonError?: string; messages: string[] }

export function proposalErrors(error: unknown, schema: SchemaNode): ProposalErrors {
  if (!(error instanceof ApiError)) return { messages: [errorMessage(error)] };
  const reason = error.errors.filter((e) => e.path === '/reason');
  const { extraErrors, messages } = toFormErrors(error.errors.filter((e) => e.path !== '/reason'), schema);
  return { extraErrors, reasonError: reason.map((e) => e.message).join(' ') || undefined, messages };
}
