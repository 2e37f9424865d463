import type { EntityDefinition } from '../../api';

/** The uiSchema key naming the coordinate fields that 手机定位 fills: `{"longitude": "…", "latitude": "…"}`. */
export const GEOLOCATION_KEY = 'ui:geolocation';

export interface GeolocationFields {
  longitude: string;
  latitude: string;
}

/** The declared coordinate fields, when both name fields of the entity. */
export function geolocationFields(definition: EntityDefinition): GeolocationFields | undefined {
  const declared = definition.uiSchema[GEOLOCATION_KEY] as Partial<GeolocationFields> | undefined;
  const { longitude, latitude } = declared ?? {};
  const fields = definition.schema.properties ?? {};
  if (typeof longitude !== 'string' || typeof latitude !== 'string' || !fields[longitude] || !fields[latitude]) return undefined;
  return { longitude, latitude };
}
