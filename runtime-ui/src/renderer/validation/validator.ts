import { customizeValidator } from '@rjsf/validator-ajv8';
import { Ajv2020 } from 'ajv/dist/2020';
import { customFormats } from './formats';

/**
 * The browser-side validator: ajv in JSON Schema 2020-12 mode (what the engine publishes), not
 * strict (the engine's `x-` keywords are server-side annotations), with the domain formats.
 * Messages are made Chinese by `localizeErrors`, which knows each field's title.
 */
export const entityValidator = customizeValidator({
  AjvClass: Ajv2020 as unknown as NonNullable<Parameters<typeof customizeValidator>[0]>['AjvClass'],
  ajvOptionsOverrides: { strict: false },
  customFormats,
});
