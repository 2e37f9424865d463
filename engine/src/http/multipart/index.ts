export { readMultipart, type MultipartBody, type MultipartOptions, type ReceivedFile } from './readMultipart.js';
