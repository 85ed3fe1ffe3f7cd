/** What triage classifies a ticket as (L3-07 problem, L3-08 requirement). */
export type Classification = 'PROBLEM' | 'REQUIREMENT';

/**
 * The classifications the form offers for a ticket of `category`. An admin action (L3-17) is
 * executed by provider staff, never estimated for the client's approval: the API refuses it as a
 * requirement, so the form offers a problem only.
 */
export function classificationChoices(category: string): readonly Classification[] {
  return category === 'ADMIN_ACTION' ? ['PROBLEM'] : ['REQUIREMENT', 'PROBLEM'];
}

/**
 * L3-06: what triage most likely decides for a category (the agent may still change it); a
 * classification kept in a draft stays chosen while the category still allows it.
 */
export function initialClassification(category: string, kept?: string): Classification {
  const choices = classificationChoices(category);
  const chosen = choices.find((c) => c === kept);
  if (chosen) return chosen;
  return category === 'INCIDENT' || !choices.includes('REQUIREMENT') ? 'PROBLEM' : 'REQUIREMENT';
}
