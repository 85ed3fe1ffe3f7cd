import { mergeTimeline, type TimelineRating } from '../../../web/src/tickets/timeline-merge';
import {
  filterTimeline,
  historyFilterFromSearch,
  historySearch,
} from '../../../web/src/tickets/timeline-filter';

// QA (L3-07, L3-11): «Solo conversación» shows what people wrote on the ticket (comments, replies,
// notes, the staff's requests and the client's answers) without the state and clock events, and is
// kept in the address like the ticket list's filters.

let seq = 0;
const event = (type: string, actorRole: string | null, data: Record<string, unknown> = {}) => {
  seq += 1;
  return {
    seq,
    at: `2026-03-01T10:${String(seq).padStart(2, '0')}:00.000Z`,
    type,
    actorRole,
    data: JSON.stringify(data),
  };
};

describe('ticket history: «Solo conversación»', () => {
  const events = [
    event('registered', 'CLIENT_USER', { subject: 'No timbra' }),
    event('CLOCK_STARTED', null, { kind: 'triage' }),
    event('requestInfo', 'AGENT', { note: '¿Qué RFC usa?' }),
    event('CLOCK_STOPPED', null, { kind: 'triage', reason: 'information requested' }),
    event('provideInfo', 'CLIENT_USER', { note: 'El genérico.' }),
    event('classify', 'AGENT', { classification: 'PROBLEM' }),
    event('ASSIGNED', null, { agentId: 'a1' }),
    event('comment', 'AGENT', { body: 'Nota para el equipo', internal: true }),
    event('comment', 'CLIENT_USER', { body: 'Gracias', internal: false }),
    event('DATE_ADJUSTED', 'AGENT', { newDate: '2026-03-09', reason: 'Pruebas' }),
    event('resolve', 'AGENT', { note: 'Se corrigió el certificado.' }),
  ];
  const rating: TimelineRating = {
    score: 5,
    comment: 'Excelente',
    ratedAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    ratedByName: 'Úrsula Usuaria',
  };
  const attachment = {
    id: 'f1',
    fileName: 'log.txt',
    sizeBytes: 10,
    uploadedAt: '2026-03-01T10:30:00.000Z',
    uploadedByName: 'Úrsula Usuaria',
    deletedAt: null,
    deletedByName: null,
  };
  const merged = mergeTimeline(events, [attachment], rating);
  const shown = (filter: 'all' | 'conversation') =>
    filterTimeline(merged, filter).map((e) => (e.kind === 'event' ? e.event.type : e.kind));

  it('keeps what people wrote and drops clocks, the system, files, classifications and date moves', () => {
    expect(shown('conversation')).toEqual([
      'requestInfo',
      'provideInfo',
      'comment',
      'comment',
      'resolve',
      'rating',
    ]);
  });

  it('«Todo» shows every line', () => {
    expect(shown('all')).toHaveLength(merged.length);
    expect(shown('all')).toContain('CLOCK_STARTED');
  });

  it('a rating without a comment is not conversation', () => {
    const silent = mergeTimeline(events, [], { ...rating, comment: null });
    expect(filterTimeline(silent, 'conversation').some((e) => e.kind === 'rating')).toBe(false);
  });

  it('is kept in the address as ?historial=conversacion, other parameters untouched', () => {
    expect(historyFilterFromSearch('?historial=conversacion')).toBe('conversation');
    expect(historyFilterFromSearch('')).toBe('all');
    expect(historyFilterFromSearch('?historial=otra')).toBe('all');
    expect(historySearch('', 'conversation')).toBe('?historial=conversacion');
    expect(historySearch('?estimado=2', 'conversation')).toBe('?estimado=2&historial=conversacion');
    expect(historySearch('?estimado=2&historial=conversacion', 'all')).toBe('?estimado=2');
    expect(historySearch('?historial=conversacion', 'all')).toBe('');
  });
});
