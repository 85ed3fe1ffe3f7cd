import { attachmentsEsMX } from '../../../web/src/i18n/attachments.es-mx';
import { attachmentsEn } from '../../../web/src/i18n/attachments.en';
import { satisfactionEn } from '../../../web/src/i18n/satisfaction.en';
import { satisfactionEsMX } from '../../../web/src/i18n/satisfaction.es-mx';
import {
  extraActor,
  mergeTimeline,
  type TimelineAttachment,
  type TimelineRating,
} from '../../../web/src/tickets/timeline-merge';

// L3-11 «Historial»: files attached and deleted, and the client's rating of a closed ticket, are
// placed by time among the workflow's events (oldest first), read from Ticket.attachments and
// Ticket.satisfaction, never invented as workflow events; every line keeps a unique key.

const event = (seq: number, at: string, type = 'comment') => ({ seq, at, type });
const file = (id: string, uploadedAt: string, deletedAt: string | null = null) =>
  ({
    id,
    fileName: `${id}.log`,
    sizeBytes: 2048,
    uploadedAt,
    uploadedByName: 'Úrsula Usuaria',
    deletedAt,
    deletedByName: deletedAt ? 'Alex Agent' : null,
  }) satisfies TimelineAttachment;
const rating: TimelineRating = {
  score: 4,
  comment: 'Al final quedó bien resuelto.',
  ratedAt: '2026-03-05T10:00:00.000Z',
  updatedAt: '2026-03-06T09:00:00.000Z',
  ratedByName: 'Úrsula Usuaria',
};

describe('mergeTimeline (L3-11 history)', () => {
  it('without files nor rating is the workflow events as they are', () => {
    const events = [event(1, '2026-03-01T10:00:00.000Z'), event(2, '2026-03-02T10:00:00.000Z')];
    const merged = mergeTimeline(events);
    expect(merged.map((e) => e.kind)).toEqual(['event', 'event']);
    expect(merged.map((e) => e.key)).toEqual(['1', '2']);
    expect(mergeTimeline(events, [], null)).toEqual(merged);
  });

  it('places uploads, deletions (deleted files at their upload too) and the rating by time', () => {
    const events = [
      event(1, '2026-03-01T10:00:00.000Z', 'REGISTERED'),
      event(2, '2026-03-03T10:00:00.000Z', 'resolve'),
      event(3, '2026-03-04T10:00:00.000Z', 'confirmResolution'),
    ];
    const merged = mergeTimeline(
      events,
      [
        file('a', '2026-03-02T08:00:00.000Z', '2026-03-03T12:00:00.000Z'),
        file('b', '2026-03-02T09:00:00.000Z'),
      ],
      rating,
    );
    expect(merged.map((e) => e.key)).toEqual([
      '1',
      'att-a',
      'att-b',
      '2',
      'att-del-a',
      '3',
      'rating',
    ]);
    expect(merged.map((e) => e.at)).toEqual([...merged.map((e) => e.at)].sort());
    // The rating shows its latest value at its last change.
    expect(merged.at(-1)).toMatchObject({ kind: 'rating', at: rating.updatedAt, rating });
  });

  it('tells every score on record: the first rating and each change, at its time (QA: a low first score stays)', () => {
    const withChanges: TimelineRating = {
      ...rating,
      changes: [
        { score: 2, comment: 'Tardaron dos días.', at: rating.ratedAt, byName: 'Úrsula Usuaria' },
        { score: 4, comment: null, at: rating.updatedAt, byName: 'Arturo Aprobador' },
      ],
    };
    const merged = mergeTimeline([event(1, '2026-03-04T10:00:00.000Z', 'CLOSED')], [], withChanges);
    expect(merged.map((e) => e.key)).toEqual(['1', 'rating-0', 'rating-1']);
    expect(merged.slice(1)).toMatchObject([
      { kind: 'rating', at: rating.ratedAt, first: true, change: { score: 2 } },
      { kind: 'rating', at: rating.updatedAt, first: false, change: { score: 4 } },
    ]);
    expect(satisfactionEsMX.timelineRatingChanged(4)).toBe('Calificación cambiada: 4/5');
    expect(satisfactionEn.timelineRatingChanged(4)).toBe('Rating changed: 4/5');
  });

  it('keys stay unique, and a workflow event comes before the rest at the same instant', () => {
    const at = '2026-03-04T10:00:00.000Z';
    const merged = mergeTimeline([event(1, at, 'confirmResolution')], [file('x', at, at)], {
      ...rating,
      ratedAt: at,
      updatedAt: at,
    });
    expect(merged.map((e) => e.key)).toEqual(['1', 'att-x', 'att-del-x', 'rating']);
    expect(new Set(merged.map((e) => e.key)).size).toBe(merged.length);
  });

  it('keeps the workflow order even where its instants are not in order', () => {
    const merged = mergeTimeline(
      [event(1, '2026-03-02T00:00:00.000Z'), event(2, '2026-03-01T00:00:00.000Z')],
      [file('late', '2026-03-05T00:00:00.000Z'), file('early', '2026-02-01T00:00:00.000Z')],
    );
    expect(merged.map((e) => e.key)).toEqual(['att-early', '1', '2', 'att-late']);
  });

  it('names who acted on a file or a score with their role, as a workflow event names its actor', () => {
    const at = '2026-03-02T08:00:00.000Z';
    const gone = '2026-03-03T12:00:00.000Z';
    const withRoles: TimelineAttachment = {
      ...file('r', at, gone),
      internal: true,
      uploadedByRole: 'CLIENT_USER',
      deletedByRole: 'AGENT',
    };
    const rated: TimelineRating = {
      ...rating,
      ratedByName: 'Arturo Aprobador',
      ratedByRole: 'CLIENT_APPROVER',
      changes: [
        {
          score: 2,
          comment: null,
          at: rating.ratedAt,
          byName: 'Úrsula Usuaria',
          byRole: 'CLIENT_USER',
        },
        {
          score: 4,
          comment: null,
          at: rating.updatedAt,
          byName: 'Arturo Aprobador',
          byRole: 'CLIENT_APPROVER',
        },
      ],
    };
    const merged = mergeTimeline([], [withRoles], rated);
    const extras = merged.flatMap((e) => (e.kind === 'event' ? [] : [e]));
    expect(extras.map((e) => [e.key, extraActor(e)])).toEqual([
      ['att-r', { name: 'Úrsula Usuaria', role: 'CLIENT_USER' }],
      ['att-del-r', { name: 'Alex Agent', role: 'AGENT' }],
      ['rating-0', { name: 'Úrsula Usuaria', role: 'CLIENT_USER' }],
      ['rating-1', { name: 'Arturo Aprobador', role: 'CLIENT_APPROVER' }],
    ]);
    // An internal file keeps its mark on both of its lines.
    expect(
      extras
        .slice(0, 2)
        .map((e) => (e.kind === 'attached' || e.kind === 'deleted') && e.attachment.internal),
    ).toEqual([true, true]);
    // Only the current score known: its rater; no role from the API (older data): role null.
    const [current] = mergeTimeline([], [], { ...rated, changes: [] });
    expect(current.kind === 'rating' && extraActor(current)).toEqual({
      name: 'Arturo Aprobador',
      role: 'CLIENT_APPROVER',
    });
    const [plain] = mergeTimeline([], [file('p', at)]);
    expect(plain.kind === 'attached' && extraActor(plain)).toEqual({
      name: 'Úrsula Usuaria',
      role: null,
    });
  });

  it('words the lines in Spanish first, English too', () => {
    expect(attachmentsEsMX.timelineAttached('bitácora.log', '2 KB')).toBe(
      'Archivo adjuntado: bitácora.log (2 KB)',
    );
    expect(attachmentsEsMX.timelineDeleted('bitácora.log')).toBe('Archivo eliminado: bitácora.log');
    expect(satisfactionEsMX.timelineRating(4)).toBe('Calificación: 4/5');
    expect(attachmentsEn.timelineAttached('a.log', '2 KB')).toBe('File attached: a.log (2 KB)');
    expect(attachmentsEn.timelineDeleted('a.log')).toBe('File deleted: a.log');
    expect(satisfactionEn.timelineRating(4)).toBe('Rating: 4/5');
  });
});
