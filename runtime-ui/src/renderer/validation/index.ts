export { customFormats, formatMessages, isValidUscc } from './formats';
export { entityValidator } from './validator';
export { localizeErrors, zhMessage } from './zhMessages';
