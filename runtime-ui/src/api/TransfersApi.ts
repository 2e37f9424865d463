import type {
  TransferCandidate, TransferDetail, TransferSide, TransferStage, TransferStatus, TransferView,
} from '@zjrj/engine/contract';
import type { HttpClient, QueryValue } from './HttpClient';

export type Transfer = TransferView;
export type { TransferCandidate, TransferDetail, TransferSide, TransferStage, TransferStatus };

/** Who the receiving institution names: exactly as the person's institution registered them. */
export interface TransferIdentity { name: string; documentType: string; idNumber: string }
/** The receiving institution's department the person joins, and why. */
export interface TransferTerms { departmentId: string; reason: string }
export interface TransferQuery { status?: TransferStatus; q?: string; personId?: string; page?: number; pageSize?: number }
export interface TransferPage { items: Transfer[]; total: number }

const segment = (value: string): string => encodeURIComponent(value);

/**
 * 人员变动管理 (`/api/transfers`, R-9.1): 调入申请 (find the person by exact identity, apply),
 * the lists of 人员调入 and 人员调出, one transfer with its history, and the applicant's
 * resubmission after a send-back or withdrawal. 404 for a transfer of other institutions.
 */
export class TransfersApi {
  constructor(private readonly http: HttpClient) {}

  async lookup(identity: TransferIdentity): Promise<TransferCandidate> {
    return (await this.http.post<{ person: TransferCandidate }>('/api/transfers/lookup', identity)).person;
  }

  async apply(application: TransferIdentity & TransferTerms): Promise<TransferDetail> {
    return (await this.http.post<{ transfer: TransferDetail }>('/api/transfers', application)).transfer;
  }

  list(side: TransferSide, query: TransferQuery = {}): Promise<TransferPage> {
    return this.http.get(`/api/transfers/${side}`, query as Record<string, QueryValue>);
  }

  async get(id: string): Promise<TransferDetail> {
    return (await this.http.get<{ transfer: TransferDetail }>(`/api/transfers/${segment(id)}`)).transfer;
  }

  async resubmit(id: string, terms: TransferTerms): Promise<TransferDetail> {
    return (await this.http.post<{ transfer: TransferDetail }>(`/api/transfers/${segment(id)}/resubmit`, terms)).transfer;
  }

  async withdraw(id: string): Promise<TransferDetail> {
    return (await this.http.post<{ transfer: TransferDetail }>(`/api/transfers/${segment(id)}/withdraw`)).transfer;
  }
}
