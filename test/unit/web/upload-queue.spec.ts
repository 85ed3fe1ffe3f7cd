import { formatFileSize } from '../../../web/src/i18n/file-size';
import { serverErrorsEsMX } from '../../../web/src/i18n/server-errors.es-mx';
import {
  addFiles,
  extensionOf,
  type QueuedFile,
  refusalOf,
  removeQueued,
  reviewQueue,
  updateQueued,
} from '../../../web/src/tickets/upload-queue';

// L3-11 several files at once: the chosen or dropped files wait in a list, each checked against
// the server's limits in the server's words before anything is sent; a refused one does not stop
// the others, nor take a place under the per-ticket limit.

const policy = { maxBytes: 1024, maxPerTicket: 3, allowedExtensions: ['log', 'png'] };
const words = serverErrorsEsMX.attachments;
const size = (bytes: number) => formatFileSize(bytes, 'es-MX');
const f = (name: string, bytes = 10, lastModified = 1) => ({ name, size: bytes, lastModified });

describe('upload queue (L3-11)', () => {
  it('reads the extension as the server does', () => {
    expect(extensionOf('Captura.PNG')).toBe('png');
    expect(extensionOf('.log')).toBe('');
    expect(extensionOf('sin-punto')).toBe('');
    expect(extensionOf('raro.')).toBe('');
  });

  it('refuses type, empty, size and the full ticket in the server’s words', () => {
    expect(refusalOf(f('a.log'), policy, 0, words, size)).toBeUndefined();
    expect(refusalOf(f('pagina.html'), policy, 0, words, size)).toBe(
      'No se aceptan archivos como «pagina.html». Tipos permitidos: .log, .png.',
    );
    expect(refusalOf(f('vacio.log', 0), policy, 0, words, size)).toBe('«vacio.log» está vacío.');
    expect(refusalOf(f('grande.log', 2048), policy, 0, words, size)).toBe(
      '«grande.log» pesa más de 1 KB, el máximo por archivo.',
    );
    expect(refusalOf(f('a.log'), policy, 3, words, size)).toBe(
      'El ticket ya tiene 3 archivos adjuntos, el máximo permitido.',
    );
  });

  it('adds every chosen file, once, after those still waiting; finished ones leave', () => {
    let queue = addFiles([], [f('a.log'), f('b.png'), f('a.log')], 1);
    expect(queue.map((q) => [q.key, q.file.name, q.status])).toEqual([
      [1, 'a.log', 'pending'],
      [2, 'b.png', 'pending'],
    ]);
    queue = updateQueued(queue, 1, { status: 'uploaded' });
    queue = addFiles(queue, [f('b.png'), f('c.log')], 4);
    expect(queue.map((q) => [q.key, q.file.name])).toEqual([
      [2, 'b.png'],
      [4, 'c.log'],
    ]);
    // The same name, another file (changed since): a second entry.
    expect(addFiles(queue, [f('c.log', 10, 2)], 5)).toHaveLength(3);
  });

  it('removes one waiting file, never one going up', () => {
    let queue: QueuedFile[] = addFiles([], [f('a.log'), f('b.log')], 1);
    queue = updateQueued(queue, 2, { status: 'uploading' });
    expect(removeQueued(queue, 1).map((q) => q.key)).toEqual([2]);
    expect(removeQueued(queue, 2).map((q) => q.key)).toEqual([1, 2]);
  });

  it('reviews the list in order: refused files take no place, the limit stops the rest', () => {
    const queue = addFiles(
      [],
      [f('uno.log'), f('malo.exe'), f('dos.png'), f('tres.log'), f('cuatro.log')],
      1,
    );
    const problems = reviewQueue(queue, policy, 1, words, size);
    expect([...problems.keys()]).toEqual([2, 4, 5]);
    expect(problems.get(2)).toContain('«malo.exe»');
    expect(problems.get(4)).toBe('El ticket ya tiene 3 archivos adjuntos, el máximo permitido.');
    // Only waiting files are reviewed.
    const later = updateQueued(queue, 1, { status: 'uploaded' });
    expect(reviewQueue(later, policy, 2, words, size).has(1)).toBe(false);
  });
});
