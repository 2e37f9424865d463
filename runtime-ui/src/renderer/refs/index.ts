export { ApiRefSource } from './ApiRefSource';
export {
  RendererContext, useRendererServices,
  type DictionarySource, type FileSource, type RefOption, type RefSource, type RendererServices,
} from './RendererServices';
export { useRefLabels, useRefOptions } from './useRefOptions';
