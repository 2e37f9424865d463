export { ATTACH_FILE_SQL, attachFile, type AttachableFile } from './attach.js';
export { FileService, fileProblem, fileTooLarge, MAX_FILE_BYTES, type FileMeta, type FileServiceDeps, type FileView, type OpenedFile } from './FileService.js';
export { MissingStoredFileError, newStorageKey, type FileStorage, type StoredObject } from './FileStorage.js';
export { FileSweeper, type SweepReport } from './FileSweeper.js';
export { FilesystemStorage } from './FilesystemStorage.js';
export { S3Storage } from './S3Storage.js';
export { createFileStorage } from './storageFactory.js';
export { MAX_FILENAME_LENGTH, safeFilename } from './filename.js';
export { acceptedFormats, extensionsOf, sniffMediaType, type MediaType } from './sniff.js';
