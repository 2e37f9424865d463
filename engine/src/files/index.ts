export { FileService, fileProblem, fileTooLarge, MAX_FILE_BYTES, type FileMeta, type FileServiceDeps, type FileView, type OpenedFile } from './FileService.js';
export { newStorageKey, type FileStorage } from './FileStorage.js';
export { FilesystemStorage } from './FilesystemStorage.js';
export { MAX_FILENAME_LENGTH, safeFilename } from './filename.js';
export { acceptedFormats, extensionsOf, sniffMediaType, type MediaType } from './sniff.js';
