/**
 * @zjrj/runtime-ui as a library: the definition-driven renderer (record form, list columns) and
 * the typed API client. The designer imports these so its previews are exactly what users see.
 */
export * from './api';
export * from './renderer';
export * from './list';
