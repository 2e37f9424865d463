import { createContext, useContext } from 'react';
import type { Dictionary, FileMeta, FileView, RefAnnotation } from '../../api';

export interface RefOption {
  value: string;
  label: string;
}

/** Where reference fields (`x-ref`) find the records they may point at, and their display names. */
export interface RefSource {
  /** Records of `ref.entity` matching `text` (and `ref.filter`), labelled by the entity's titleField. */
  search(ref: RefAnnotation, text: string): Promise<RefOption[]>;
  /** Display names of the given record ids of `entity` (ids it cannot name are left out). */
  labels(entity: string, ids: readonly string[]): Promise<Map<string, string>>;
  /** Drops what is cached about `entity` (after its records were created, changed or deleted). */
  forget?(entity: string): void;
}

/** Full dictionaries (with non-selectable group items), for tree-shaped choices. */
export interface DictionarySource {
  dictionary(key: string): Promise<Dictionary>;
}

/** Where attachment fields (`x-attachment`) upload files and read them back. */
export interface FileSource {
  upload(file: Blob, filename: string): Promise<FileView>;
  meta(id: string): Promise<FileMeta>;
  /** The file's content (image preview, download link). */
  url(id: string): string;
}

/** What the renderer's widgets need from outside; everything optional so a preview works without a server. */
export interface RendererServices {
  refs?: RefSource;
  dictionaries?: DictionarySource;
  files?: FileSource;
}

export const RendererContext = createContext<RendererServices>({});

export function useRendererServices(): RendererServices {
  return useContext(RendererContext);
}
