/**
 * Saves text as a file through a Blob URL: no `downloads` permission needed, and the JSON never
 * leaves the page. The URL is revoked once the browser has had a chance to start the download.
 */
export function downloadTextFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
