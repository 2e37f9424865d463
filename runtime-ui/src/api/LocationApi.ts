import type { LocationReport, LocationRequestView, LocationStatus } from '@zjrj/engine/contract';
import type { HttpClient } from './HttpClient';

export type { LocationReport, LocationRequestView, LocationStatus };

const segment = (value: string): string => encodeURIComponent(value);

/**
 * The phone-location hand-over of 机构信息: the desktop asks for a one-time token and
 * polls it; the phone (no session) reads whose location is asked for and reports its position.
 */
export class LocationApi {
  constructor(private readonly http: HttpClient) {}

  /** A new request: the QR code of the phone page and when it expires. */
  request(): Promise<LocationRequestView> {
    return this.http.post('/api/location-requests');
  }

  /** What the phone has reported so far (the desktop polls this). */
  status(token: string): Promise<LocationStatus> {
    return this.http.get(`/api/location-requests/${segment(token)}`);
  }

  /** The phone's view, without a session: status, expiry and the organisation's name. */
  publicStatus(token: string): Promise<LocationStatus> {
    return this.http.get(`/api/location-requests/${segment(token)}/public`);
  }

  /** The phone's position; the token is the credential and is used once (410 afterwards or when expired). */
  report(token: string, position: LocationReport): Promise<unknown> {
    return this.http.post(`/api/location-requests/${segment(token)}/position`, position);
  }
}
