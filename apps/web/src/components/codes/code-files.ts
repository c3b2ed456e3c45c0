/** The codes of one batch as a CSV file (RFC 4180, UTF-8 with BOM so Excel reads å, ä, ö). */
export function codesCsv(codes: readonly string[], address: string): string {
  const rows = [['kod', 'adress'], ...codes.map((code) => [code, address])];
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

/** Offers a file to the browser, built here: the codes never travel to the server again. */
export function download(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
