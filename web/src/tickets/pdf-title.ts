// QA S60b #11: a PDF previewed from a blob: URL was titled by the browser's viewer with the
// blob's UUID («7756e4cf-93aa-…»), the only name a blob: URL has. The viewer titles a PDF by its
// document information /Title when it has one, so the preview's copy of the file gets the
// attachment's name there: an incremental update (ISO 32000-1 §7.5.6) appended to the file, the
// original bytes untouched before it. Pure, for the unit tier. Anything it does not recognise (no
// cross-reference section where the file says, an encrypted file whose strings it cannot write)
// leaves the bytes as they are: the viewer then titles it as before.

/** The attachment's name as the viewer's title: `bytes` with an update that sets /Title. */
export function withPdfTitle(
  bytes: Uint8Array<ArrayBuffer>,
  title: string,
): Uint8Array<ArrayBuffer> {
  try {
    return appendTitle(bytes, title) ?? bytes;
  } catch {
    return bytes;
  }
}

function appendTitle(
  bytes: Uint8Array<ArrayBuffer>,
  title: string,
): Uint8Array<ArrayBuffer> | undefined {
  // The last `startxref` names the newest cross-reference section (a table or a stream).
  const tailStart = Math.max(0, bytes.length - 2048);
  const tail = latin1(bytes.subarray(tailStart));
  const at = tail.lastIndexOf('startxref');
  const prev = at < 0 ? undefined : /^startxref\s+(\d+)/.exec(tail.slice(at))?.[1];
  if (prev === undefined || Number(prev) >= bytes.length) return unindexedTitle(bytes, title);
  const prevOffset = Number(prev);

  // A table's trailer follows its entries (20 bytes each); a stream's dictionary is its start.
  let section = latin1(bytes.subarray(prevOffset, prevOffset + 65_536));
  if (/^xref\s/.test(section) && !section.includes('trailer')) {
    section = latin1(bytes.subarray(prevOffset));
  }
  let dictionary: string | undefined;
  let stream: boolean;
  if (/^xref\s/.test(section)) {
    stream = false;
    const trailer = section.indexOf('trailer');
    dictionary = trailer < 0 ? undefined : dictionaryAt(section, trailer + 'trailer'.length);
  } else {
    // Not a cross-reference stream either: `startxref` is wrong and the reader rebuilds the index.
    const header = /^\d+\s+\d+\s+obj\s*/.exec(section);
    if (!header) return unindexedTitle(bytes, title);
    stream = true;
    dictionary = dictionaryAt(section, header[0].length);
    if (!dictionary || !/\/Type\s*\/XRef\b/.test(dictionary)) return unindexedTitle(bytes, title);
  }
  if (!dictionary || /\/Encrypt\b/.test(dictionary)) return undefined;
  const size = /\/Size\s+(\d+)/.exec(dictionary)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dictionary)?.[1];
  if (size === undefined || root === undefined) return undefined;
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dictionary)?.[1];

  const info = Number(size);
  const infoOffset = bytes.length + 1; // after the newline that starts the update
  let update = `\n${info} 0 obj\n<< /Title ${pdfTextString(title)} >>\nendobj\n`;
  const sectionOffset = bytes.length + update.length;
  const common = `/Root ${root} /Info ${info} 0 R /Prev ${prevOffset}${id ? ` /ID ${id}` : ''}`;
  let binary: Uint8Array | undefined;
  if (stream) {
    // A file with cross-reference streams is updated with one: entries for the information
    // dictionary and the stream itself (type 1, 4-byte offset, generation 0).
    const entries = [
      [1, infoOffset, 0],
      [1, sectionOffset, 0],
    ];
    binary = new Uint8Array(entries.length * 6);
    entries.forEach(([type, offset, generation], i) => {
      const view = new DataView(binary!.buffer, i * 6, 6);
      view.setUint8(0, type);
      view.setUint32(1, offset);
      view.setUint8(5, generation);
    });
    update +=
      `${info + 1} 0 obj\n<< /Type /XRef /Size ${info + 2} ${common} ` +
      `/W [1 4 1] /Index [${info} 2] /Length ${binary.length} >>\nstream\n`;
  } else {
    update +=
      `xref\n${info} 1\n${String(infoOffset).padStart(10, '0')} 00000 n \n` +
      `trailer\n<< /Size ${info + 1} ${common} >>\n`;
  }
  const end = `${binary ? '\nendstream\nendobj\n' : ''}startxref\n${sectionOffset}\n%%EOF\n`;
  return concat([bytes, ascii(update), binary ?? new Uint8Array(), ascii(end)]);
}

/**
 * A file with no cross-reference section to update (the reader rebuilds one by reading its
 * objects, as for a file written by hand): the information dictionary as a new object and a
 * trailer naming it, which the rebuilt index takes as the last one.
 */
function unindexedTitle(
  bytes: Uint8Array<ArrayBuffer>,
  title: string,
): Uint8Array<ArrayBuffer> | undefined {
  const text = latin1(bytes);
  const trailer = text.lastIndexOf('trailer');
  const dictionary = trailer < 0 ? undefined : dictionaryAt(text, trailer + 'trailer'.length);
  if (!dictionary || /\/Encrypt\b/.test(dictionary)) return undefined;
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dictionary)?.[1];
  if (root === undefined) return undefined;
  let last = 0;
  for (const object of text.matchAll(/(?:^|[\r\n])(\d+)\s+\d+\s+obj\b/g)) {
    last = Math.max(last, Number(object[1]));
  }
  const info = last + 1;
  return concat([
    bytes,
    ascii(
      `\n${info} 0 obj\n<< /Title ${pdfTextString(title)} >>\nendobj\n` +
        `trailer\n<< /Size ${info + 1} /Root ${root} /Info ${info} 0 R >>\n%%EOF\n`,
    ),
  ]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The dictionary (`<< … >>`, nested ones and strings inside) starting at or after `from`. */
function dictionaryAt(text: string, from: number): string | undefined {
  const start = text.indexOf('<<', from);
  if (start < 0 || text.slice(from, start).trim() !== '') return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return text.slice(start, i + 1);
    } else if (c === '<') {
      i = text.indexOf('>', i); // a hex string
      if (i < 0) return undefined;
    } else if (c === '(') {
      i = literalStringEnd(text, i);
      if (i < 0) return undefined;
    }
  }
  return undefined;
}

/** Where the literal string opened at `open` ends (balanced parentheses, `\` escapes). */
function literalStringEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Any name as a PDF text string: UTF-16BE with its byte order mark, in hex (§7.9.2.2). */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) {
    hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  }
  return `<${hex}>`;
}

/** Bytes as text, one character each (so a string index is a byte offset). */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return text;
}

/** Text of one-byte characters (as {@link latin1} reads them) back as bytes. */
function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
