// The backups of a project as use cases, for the command line (`backup`, `backups`):
// written verified under a temporary name, listed with SQLite's verdict (store/backup.ts).
export { backupProject, BACKUPS_KEPT, checkBackups, type BackupStatus } from '../store/backup';
