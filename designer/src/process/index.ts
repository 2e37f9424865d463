/** The process modeler: `kindEditors.process`, and the element diff for the diff view. */
export { ElementDiff, type ElementDiffProps } from './ElementDiff';
export { ProcessDiff, ProcessDiffView, type ProcessDiffProps } from './ProcessDiff';
export { ProcessEditor } from './ProcessEditor';
