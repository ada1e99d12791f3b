/** Saves through an `<a download>`: the browser's (or Electron's) ordinary download, no extra permission. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; the URL is only needed for the click.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
