import type { Download } from './rights-api';

/**
 * Hands the bytes to the browser as a download through a temporary object URL. The URL is
 * revoked a little later, not at once: some browsers start reading it only after the click returns.
 */
export function saveFile({ blob, fileName }: Download): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
