export { ApiError, errorMessage, messageForStatus, toApiError } from './ApiError';
export { CSRF_HEADER, HttpClient, type FetchLike, type HttpClientOptions, type QueryValue } from './HttpClient';
export { RuntimeApi } from './RuntimeApi';
export type * from './types';
