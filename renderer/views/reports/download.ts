import type { ExportedFile } from '../../../shared/api/reports';

/** The bytes of an export the main process returned as base64. */
export function exportBytes(file: ExportedFile): Uint8Array<ArrayBuffer> {
  if (file.data === null) throw new Error(`${file.fileName}: the export came back without its contents`);
  const binary = atob(file.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Hands an export to the browser as a download (a blob link clicked once). Under
 * Electron the same link opens the system's save dialog.
 */
export function downloadExport(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([exportBytes(file)], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
