import type { RJSFValidationError } from '@rjsf/utils';
import type { JsonObject, SchemaNode } from '../../api';

/**
 * Behaviour a schema annotation adds to a form in the browser (form-js style: the annotation
 * carries its own behaviour; the form does not switch on it).
 */
export interface FormBehaviour {
  /** Adjusts the data after the user changed it (e.g. fills fields derived from another one). */
  onChange?(schema: SchemaNode, before: JsonObject, after: JsonObject): JsonObject;
  /** Drops client-side errors the server is better placed to report. */
  filterErrors?(errors: RJSFValidationError[], schema: SchemaNode, data: JsonObject): RJSFValidationError[];
}
