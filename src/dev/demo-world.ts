import type { DataSource } from 'typeorm';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { seedDemoCheckpoints } from '../checkpoints/demo-checkpoints';
import { HourLedgerService } from '../contracts/hour-ledger.service';
import { SupportPoliciesService } from '../contracts/support-policies.service';
import { authenticatedUserOf } from '../identity/authenticated-user';
import { AppUserEntity } from '../identity/app-user.entity';
import { type DemoSeedResult, seedDemoData } from '../identity/demo-seed';
import { OrganizationEntity } from '../identity/organization.entity';

/**
 * Demo contracts: client slug → monthly fee (MXN), and the package of prepaid hours bought: its
 * hours, price (MXN) and reference, the invoice a client would recognise (the client sees it).
 */
export const DEMO_CONTRACTS: Readonly<
  Record<
    string,
    {
      readonly fee: number;
      readonly hours: number;
      readonly price: number;
      readonly reference: string;
    }
  >
> = {
  'comercializadora-aurora': { fee: 18_500, hours: 40, price: 38_000, reference: 'FAC-2026-0118' },
  'grupo-industrial-tulum': { fee: 12_000, hours: 10, price: 9_800, reference: 'FAC-2026-0124' },
};

/** The day the demo support policies start and the demo packages were bought. */
export const DEMO_CONTRACTS_SINCE = '2026-01-01';

/**
 * The demo organization of a first `npm start` (and of the integration tests' seeded worlds):
 * users of every role, and for each client an active support policy (L3-01) and a package of
 * prepaid hours (L3-03), so tickets can be registered and estimates authorized at once.
 */
export async function seedDemoWorld(db: DataSource): Promise<DemoSeedResult> {
  const seed = await seedDemoData(db);
  if (!seed.created) return seed;
  const admin = await db
    .getRepository(AppUserEntity)
    .findOneByOrFail({ email: 'admin@becken.example' });
  const actor = authenticatedUserOf(admin);
  const calendars = new CalendarsService(db);
  const policies = new SupportPoliciesService(db, calendars);
  const ledger = new HourLedgerService(db, calendars);
  for (const [slug, terms] of Object.entries(DEMO_CONTRACTS)) {
    const org = await db.getRepository(OrganizationEntity).findOneByOrFail({ slug });
    await policies.upsert(
      { organizationId: org.id, monthlyFee: terms.fee, startDate: DEMO_CONTRACTS_SINCE },
      actor,
    );
    await ledger.purchasePackage({
      organizationId: org.id,
      hours: terms.hours,
      purchasedOn: DEMO_CONTRACTS_SINCE,
      reference: terms.reference,
      price: terms.price,
      actorId: admin.id,
      actorTimeZone: admin.timeZone,
      idempotencyKey: `demo-package:${slug}`,
    });
  }
  await seedDemoCheckpoints(db);
  return seed;
}
