import { DEMO_CHECKPOINTS } from '../../src/checkpoints/demo-checkpoints';
import { DEMO_CONTRACTS, DEMO_CONTRACTS_SINCE } from '../../src/dev/demo-world';
import { DEMO_ORGANIZATIONS } from '../../src/identity/demo-seed';

/** The name the demo seed gives the organization of `slug`. */
function demoOrganizationName(slug: string): string {
  const organization = DEMO_ORGANIZATIONS.find((o) => o.slug === slug);
  if (!organization) throw new Error(`The demo seed has no organization ${slug}`);
  return organization.name;
}

/** The demo provider's name (the staff's organization). */
export const PROVIDER_ORG = demoOrganizationName('becken');
/** The first demo client's name: a client role's default organization in the test worlds. */
export const AURORA_ORG = demoOrganizationName('comercializadora-aurora');
/** The second demo client's name. */
export const TULUM_ORG = demoOrganizationName('grupo-industrial-tulum');

/** The weekday (1 = Monday) and local time of the checkpoint the demo seed gives a client (L3-15). */
export function demoCheckpoint(slug: string): { weekday: number; localTime: string } {
  const checkpoint = DEMO_CHECKPOINTS[slug];
  if (!checkpoint) throw new Error(`The demo seed gives ${slug} no checkpoint`);
  return checkpoint;
}

/** What the demo world seeds for a client: its policy's fee and its package of prepaid hours. */
export interface DemoContract {
  /** Monthly fee, MXN. */
  readonly fee: number;
  /** Hours of the package bought on `since`. */
  readonly hours: number;
  /** What that package cost, MXN (L3-03). */
  readonly price: number;
  readonly reference: string;
  /** The day the policy starts and the package was bought (YYYY-MM-DD). */
  readonly since: string;
  /** The month of `since` (YYYY-MM). */
  readonly month: string;
}

/**
 * A demo client's contract read from the demo seed, so that a test expecting the seeded package
 * follows a change to the seed instead of asserting stale literals.
 */
export function demoContract(slug: string): DemoContract {
  const terms = DEMO_CONTRACTS[slug];
  if (!terms) throw new Error(`The demo world seeds no contract for ${slug}`);
  return {
    fee: terms.fee,
    hours: terms.hours,
    price: terms.price,
    reference: terms.reference,
    since: DEMO_CONTRACTS_SINCE,
    month: DEMO_CONTRACTS_SINCE.slice(0, 7),
  };
}

/**
 * The low-balance warning's threshold for `purchased` hours (L3-12): 10 % of them, to the
 * hundredth, or 5 h, whichever is larger. The rule restated, not src/contracts/low-balance.ts
 * imported, so a test of the warning still fails if that rule changes.
 */
export function lowBalanceThreshold(purchased: number): number {
  return Math.max(Math.round(purchased * 10) / 100, 5);
}

/** Hours as the es-MX screens write them: «42.5 h», «1,040 h». */
export function hoursEsMX(hours: number): string {
  return `${hours.toLocaleString('es-MX')} h`;
}

/** An amount of MXN as the es-MX screens write it: «$18,500.00 MXN» (a bare «$» names its code). */
export function pesosEsMX(amount: number): string {
  const pesos = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' });
  return `${pesos.format(amount)} MXN`;
}

/** `text` matched literally inside a RegExp (a «.» in «42.5 h» is not any character). */
export function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A figure in a card's innerText: its label, then its value («Disponibles\n42.5 h»). */
export function figure(label: string, value: string): RegExp {
  return new RegExp(`${literally(label)}\\s+${literally(value)}`);
}
