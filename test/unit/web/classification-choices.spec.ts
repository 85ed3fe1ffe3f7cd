import {
  classificationChoices,
  initialClassification,
} from '../../../web/src/tickets/classification-choices';

// L3-17: the classify form offered (and pre-selected) «Requerimiento · Desarrollo» on an
// admin-action ticket; as a requirement it left the states where staff record and close the
// action. The API now refuses it; the form offers and pre-selects a problem only.

describe('classification choices (L3-06, L3-17)', () => {
  it('L3-17: an admin-action ticket is classified as a problem only, even from a kept draft', () => {
    expect(classificationChoices('ADMIN_ACTION')).toEqual(['PROBLEM']);
    expect(initialClassification('ADMIN_ACTION')).toBe('PROBLEM');
    expect(initialClassification('ADMIN_ACTION', 'REQUIREMENT')).toBe('PROBLEM');
  });

  it('L3-06: other categories offer both; an incident starts as a problem, the rest as requirements', () => {
    for (const category of ['QUESTION', 'INCIDENT', 'CONFIGURATION', 'DEVELOPMENT', 'TRAINING']) {
      expect(classificationChoices(category)).toEqual(['REQUIREMENT', 'PROBLEM']);
    }
    expect(initialClassification('INCIDENT')).toBe('PROBLEM');
    expect(initialClassification('DEVELOPMENT')).toBe('REQUIREMENT');
    expect(initialClassification('QUESTION')).toBe('REQUIREMENT');
    // A draft's choice is kept where the category allows it.
    expect(initialClassification('INCIDENT', 'REQUIREMENT')).toBe('REQUIREMENT');
    expect(initialClassification('DEVELOPMENT', 'PROBLEM')).toBe('PROBLEM');
  });
});
