export { FeelInput, feelSyntaxMessage } from './FeelInput';
export { RulesetEditor } from './RulesetEditor';
export { shiftDate, shiftDates } from './shiftDates';
