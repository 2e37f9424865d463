export { beijingDayBounds, beijingTime } from './beijingTime';
export { ErrorAlert } from './ErrorAlert';
export { fieldErrors, type FieldErrors } from './fieldErrors';
export { useDictionary, type DictionaryOptions } from './useDictionary';
export { useEntityTitles } from './useEntityTitles';
export { useFormSubmit, type FormSubmit } from './useFormSubmit';
export { useLoadable, type Loadable, type Reloadable } from './useLoadable';
