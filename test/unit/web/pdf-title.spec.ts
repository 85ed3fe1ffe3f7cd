import { withPdfTitle } from '../../../web/src/tickets/pdf-title';

// QA S60b #11 (L3-11 previews): a PDF previewed from a blob: URL was titled by the browser's viewer
// with the blob's UUID. The preview's copy of the file gets the attachment's name as its document
// /Title (an incremental update): here read back as a viewer does, from the newest
// cross-reference section (a table, a stream, or none: rebuilt from the objects).

const NAME = 'factura A-1024 señal.pdf';
const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
  '<< /Length 0 >>\nstream\n\nendstream',
];

const bytesOf = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(Buffer.from(text, 'latin1'));
const textOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

function objectsText(objects: readonly string[], header = '%PDF-1.4\n'): [string, number[]] {
  let out = header;
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  return [out, offsets];
}

/** A PDF with a cross-reference table and `trailerExtra` in its trailer. */
function tablePdf(objects = PAGE_OBJECTS, trailerExtra = ''): Uint8Array<ArrayBuffer> {
  const [objectText, offsets] = objectsText(objects);
  let out = objectText;
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\n`;
  return bytesOf(`${out}startxref\n${xref}\n%%EOF\n`);
}

/** A PDF 1.5 with a cross-reference stream (uncompressed, `/W [1 4 1]`). */
function streamPdf(): Uint8Array<ArrayBuffer> {
  const [text, offsets] = objectsText(PAGE_OBJECTS, '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n');
  const n = PAGE_OBJECTS.length + 1;
  const at = text.length;
  const rows = [[0, 0, 255], ...offsets.map((o) => [1, o, 0]), [1, at, 0]];
  const data = Buffer.alloc(rows.length * 6);
  rows.forEach(([t, o, g], i) => {
    data.writeUInt8(t, i * 6);
    data.writeUInt32BE(o, i * 6 + 1);
    data.writeUInt8(g, i * 6 + 5);
  });
  const head = `${text}${n} 0 obj\n<< /Type /XRef /Size ${n + 1} /Root 1 0 R /W [1 4 1] /Length ${data.length} >>\nstream\n`;
  const end = `\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`;
  return Uint8Array.from(Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from(end)]));
}

/** The document information /Title as a viewer finds it: newest section, /Info, its object. */
function documentTitle(bytes: Uint8Array): string | undefined {
  const text = textOf(bytes);
  const info = (dictionary: string) => /\/Info\s+(\d+)\s+0\s+R/.exec(dictionary)?.[1];
  let number: string | undefined;
  let offset: number | undefined;
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) {
    // No index: the reader rebuilds it from the objects and takes the last trailer.
    number = info(text.slice(text.lastIndexOf('trailer')));
    offset = number === undefined ? undefined : text.lastIndexOf(`\n${number} 0 obj`) + 1;
  } else {
    const section = text.slice(Number(startxref[1]));
    if (section.startsWith('xref')) {
      number = info(section.slice(section.indexOf('trailer')));
      if (number === undefined) return undefined;
      const entries = /^xref\n(\d+) (\d+)\n/.exec(section);
      expect(entries?.[1]).toBe(number);
      offset = Number(section.slice(entries![0].length, entries![0].length + 10));
    } else {
      const dictionary = section.slice(0, section.indexOf('stream'));
      expect(dictionary).toMatch(/\/Type \/XRef/);
      expect(dictionary).toMatch(/\/W \[1 4 1\]/);
      number = info(dictionary);
      const index = /\/Index \[(\d+) \d+\]/.exec(dictionary);
      expect(index?.[1]).toBe(number);
      const data = Buffer.from(
        bytes.subarray(Number(startxref[1]) + section.indexOf('stream\n') + 7),
      );
      expect(data.readUInt8(0)).toBe(1);
      offset = data.readUInt32BE(1);
    }
  }
  if (number === undefined || offset === undefined) return undefined;
  expect(text.slice(offset)).toMatch(new RegExp(`^${number} 0 obj`));
  const hex = /\/Title <FEFF([0-9A-F]*)>/.exec(text.slice(offset, text.indexOf('endobj', offset)));
  return hex ? Buffer.from(hex[1], 'hex').swap16().toString('utf16le') : undefined;
}

describe('a previewed PDF titled with its file name (QA S60b #11, L3-11)', () => {
  it('a cross-reference table: an update after the file, its trailer pointing back to the original', () => {
    const original = tablePdf(
      PAGE_OBJECTS,
      '/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ',
    );
    expect(documentTitle(original)).toBeUndefined();
    const titled = withPdfTitle(original, NAME);
    expect(textOf(titled.subarray(0, original.length))).toBe(textOf(original));
    expect(documentTitle(titled)).toBe(NAME);
    const trailer = textOf(titled).slice(textOf(titled).lastIndexOf('trailer'));
    const previous = /startxref\n(\d+)/.exec(textOf(original))![1];
    expect(trailer).toMatch(new RegExp(`/Prev ${previous}\\b`));
    expect(trailer).toMatch(/\/Size 6 \/Root 1 0 R \/Info 5 0 R/);
    // The file's identifier stays the same (ISO 32000-1 §14.4).
    expect(trailer).toContain('/ID [<0123456789ABCDEF0123456789ABCDEF>');
  });

  it('a file with its own title shows the attachment name instead', () => {
    const original = tablePdf(
      [...PAGE_OBJECTS, '<< /Title (Microsoft Word - doc1.docx) /Author (Ana) >>'],
      '/Info 5 0 R ',
    );
    expect(documentTitle(withPdfTitle(original, NAME))).toBe(NAME);
  });

  it('a cross-reference stream is updated with a stream', () => {
    const original = streamPdf();
    const titled = withPdfTitle(original, NAME);
    expect(Buffer.from(titled.subarray(0, original.length)).equals(Buffer.from(original))).toBe(
      true,
    );
    expect(documentTitle(titled)).toBe(NAME);
  });

  it('a file with no index (written by hand; readers rebuild it) gets the title in a last trailer', () => {
    const [text] = objectsText(PAGE_OBJECTS);
    const original = bytesOf(`${text}trailer<</Root 1 0 R>>\n%%EOF\n`);
    const titled = withPdfTitle(original, NAME);
    expect(textOf(titled)).toMatch(/trailer\n<< \/Size 6 \/Root 1 0 R \/Info 5 0 R >>\n%%EOF\n$/);
    expect(documentTitle(titled)).toBe(NAME);
  });

  it('an encrypted file, or bytes that are no PDF, stay as they are', () => {
    const encrypted = tablePdf(PAGE_OBJECTS, '/Encrypt 9 0 R ');
    expect(withPdfTitle(encrypted, NAME)).toBe(encrypted);
    const junk = bytesOf('not a pdf at all');
    expect(withPdfTitle(junk, NAME)).toBe(junk);
  });
});
