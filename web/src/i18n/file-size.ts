/**
 * A file size as people read it: binary units, as file managers show them (the server's 10 MiB
 * default limit reads "10 MB"), digits in the UI language. Pure, for the unit tier.
 */
export function formatFileSize(bytes: number, language: string): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  if (bytes >= 1024 ** 3) return `${number.format(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${number.format(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes)} bytes`;
}
