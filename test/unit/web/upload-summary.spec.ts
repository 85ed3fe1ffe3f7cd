import { attachmentsEn } from '../../../web/src/i18n/attachments.en';
import { attachmentsEsMX } from '../../../web/src/i18n/attachments.es-mx';
import { isTransientRefusal, uploadSummary } from '../../../web/src/tickets/upload-queue';

// L3-11 several files at once: the summary after an upload says what was stored and what was
// refused (not a green «Se adjuntaron 2 archivos.» over a refused row), and a refusal that was
// the network's or the server's moment is one to retry.

describe('upload summary (L3-11)', () => {
  it('says the stored and the refused files, in Spanish', () => {
    const es = attachmentsEsMX;
    expect(uploadSummary(['a.log'], 0, es)).toEqual({
      text: 'Se adjuntó «a.log».',
      tone: 'success',
    });
    expect(uploadSummary(['a.log', 'b.png'], 0, es)).toEqual({
      text: 'Se adjuntaron 2 archivos.',
      tone: 'success',
    });
    expect(uploadSummary(['a.log', 'b.png'], 1, es)).toEqual({
      text: 'Se adjuntaron 2 archivos; 1 rechazado.',
      tone: 'partial',
    });
    expect(uploadSummary(['a.log'], 2, es)).toEqual({
      text: 'Se adjuntó «a.log»; 2 rechazados.',
      tone: 'partial',
    });
    expect(uploadSummary([], 3, es)).toEqual({
      text: 'No se adjuntó ningún archivo; 3 rechazados.',
      tone: 'failed',
    });
    expect(uploadSummary([], 0, es)).toBeUndefined();
  });

  it('and in English', () => {
    const en = attachmentsEn;
    const sixteen = Array.from({ length: 16 }, (_, i) => `f${i}.log`);
    expect(uploadSummary(sixteen, 2, en)?.text).toBe('16 files were attached; 2 refused.');
    expect(uploadSummary(sixteen, 0, en)?.text).toBe('16 files were attached.');
    expect(uploadSummary(['a.log'], 1, en)?.text).toBe('“a.log” was attached; 1 refused.');
    expect(uploadSummary([], 1, en)?.text).toBe('No file was attached; 1 refused.');
  });

  it('offers a retry only for a momentary failure (network, server unavailable)', () => {
    expect(isTransientRefusal({ code: 'NETWORK' })).toBe(true);
    expect(isTransientRefusal({ code: 'UNAVAILABLE' })).toBe(true);
    expect(isTransientRefusal({ code: 'VALIDATION_FAILED' })).toBe(false);
    expect(isTransientRefusal({ code: 'FORBIDDEN' })).toBe(false);
    expect(isTransientRefusal(new Error('boom'))).toBe(false);
    expect(isTransientRefusal(undefined)).toBe(false);
  });

  it('names the multi-file chooser and its empty button in the plural', () => {
    expect(attachmentsEsMX.choose).toBe('Archivos para adjuntar');
    expect(attachmentsEsMX.upload).toBe('Adjuntar archivos');
    expect(attachmentsEsMX.uploadOne).toBe('Adjuntar archivo');
    expect(attachmentsEn.choose).toBe('Files to attach');
    expect(attachmentsEn.upload).toBe('Attach files');
  });
});
