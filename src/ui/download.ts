/**
 * Saves bytes or text as a file from an extension page (backup, evidence, research export); a list of parts
 * is joined by the Blob itself (a large backup comes in parts).
 */
export function downloadBlob(fileName: string, content: BlobPart | BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(Array.isArray(content) ? content : [content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the object URL is no longer needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
