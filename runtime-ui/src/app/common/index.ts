export { beijingDayBounds, beijingTime } from './beijingTime';
export { fieldErrors, type FieldErrors } from './fieldErrors';
export { useDictionary, type DictionaryOptions } from './useDictionary';
export { useLoadable, type Loadable } from './useLoadable';
