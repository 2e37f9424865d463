export { ApiError, errorMessage, messageForStatus, toApiError } from './ApiError';
export { CSRF_HEADER, HttpClient, type FetchLike, type HttpClientOptions, type QueryValue } from './HttpClient';
export { AdminApi } from './AdminApi';
export { RuntimeApi } from './RuntimeApi';
export type * from './adminTypes';
export type * from './types';
