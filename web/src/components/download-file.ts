/**
 * Hands `blob` to the browser's download as `fileName` (a same-document `a[download]` click), and
 * revokes its object URL once the download has it. Attachments and the CSV exports save this way.
 */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // After the click has handed the file to the browser's download.
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Saves `text` (a CSV file the app made) as `fileName`. */
export function downloadText(
  fileName: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  saveBlob(fileName, new Blob([text], { type }));
}
