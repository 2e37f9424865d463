export { BackupError } from './BackupError.js';
export { createBackup, reportsDirOf, type BackupConfig, type BackupOptions, type BackupResult } from './createBackup.js';
export { restoreBackup, type RestoreOptions, type RestoreResult } from './restoreBackup.js';
export { MANIFEST_FILE, type Manifest } from './manifest.js';
export { runBackupCli, runRestoreCli } from './cli.js';
