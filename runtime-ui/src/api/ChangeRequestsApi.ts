import type { ChangeRequestStatus, ChangeRequestView } from '@zjrj/engine/contract';
import type { HttpClient } from './HttpClient';

export type ChangeRequest = ChangeRequestView;
export type { ChangeRequestStatus };
export type ChangeRequestField = ChangeRequestView['fields'][number];

/** What the institution proposes: new values of read-only (主体信息) fields, and why. */
export interface ChangeProposal { data: Record<string, unknown>; reason: string }

const segment = (value: string): string => encodeURIComponent(value);

/**
 * 机构信息修改 (`/api/change-requests`, R-3.2): the institution's requests to change its 主体信息,
 * staged as a field diff and reviewed by the superior bureau; sent back, the submitter revises or
 * withdraws. 422 with a path per problem (`/<field>`, `/reason`), 409 while another is pending.
 */
export class ChangeRequestsApi {
  constructor(private readonly http: HttpClient) {}

  /** The institution's own requests, newest first. */
  mine(): Promise<{ items: ChangeRequest[]; total: number }> {
    return this.http.get('/api/change-requests/institution');
  }

  async get(id: string): Promise<ChangeRequest> {
    return (await this.http.get<{ request: ChangeRequest }>(`/api/change-requests/${segment(id)}`)).request;
  }

  async create(proposal: ChangeProposal): Promise<ChangeRequest> {
    return (await this.http.post<{ request: ChangeRequest }>('/api/change-requests/institution', proposal)).request;
  }

  /** A sent-back request, revised and back to review (the diff is taken again against the current information). */
  async revise(id: string, proposal: ChangeProposal): Promise<ChangeRequest> {
    return (await this.http.put<{ request: ChangeRequest }>(`/api/change-requests/${segment(id)}`, proposal)).request;
  }

  async withdraw(id: string): Promise<ChangeRequest> {
    return (await this.http.post<{ request: ChangeRequest }>(`/api/change-requests/${segment(id)}/withdraw`)).request;
  }
}
