import { missingNewTicketFields } from '../../../web/src/tickets/new-ticket-check';

describe('«Nuevo ticket»: every required field left empty, at once (QA, L3-06)', () => {
  it('all of them, in the form’s order; spaces only count as empty', () => {
    expect(missingNewTicketFields({ category: '', subject: '', description: '' })).toEqual([
      'category',
      'subject',
      'description',
    ]);
    expect(
      missingNewTicketFields({ category: 'INCIDENT', subject: ' ', description: '\n ' }),
    ).toEqual(['subject', 'description']);
  });

  it('none when all are given', () => {
    expect(
      missingNewTicketFields({ category: 'INCIDENT', subject: 'Falla', description: 'No timbra' }),
    ).toEqual([]);
  });
});
