export { customFormats, formatMessages, isValidUscc } from './formats';
export { entityValidator, EntityValidator } from './validator';
export { toRjsfErrors } from './rawErrors';
export { localizeErrors, zhMessage } from './zhMessages';
