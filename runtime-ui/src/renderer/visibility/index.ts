export { compileFormVisibility, hiddenFor, hideFields, visibilityBehaviour, withoutHidden, type FormVisibility } from './visibility';
