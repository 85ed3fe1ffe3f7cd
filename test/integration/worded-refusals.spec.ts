import { Role } from '../../src/identity/role.enum';
import { databaseFingerprint } from '../support/database-fingerprint';
import { gql } from '../support/integration-harness';
import { useLedgerWorld } from '../support/world-with-worker';

// QA S53: refusals a web form could reach carried no reason, so the web app showed the server's
// English sentence under «Los datos no son válidos.». Each now carries a reason and what the web
// app needs to word it (web/src/i18n/error-text.ts), and still changes nothing.

const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const PURCHASE = `mutation ($input: PurchaseHourPackageInput!) { purchaseHourPackage(input: $input) { id } }`;
const POLICY = `mutation ($input: UpsertSupportPolicyInput!) { upsertSupportPolicy(input: $input) { id } }`;
const CLASSIFY = `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`;
const DEADLINE = `query ($from: DateTime!, $calendarId: ID) {
  businessDeadline(from: $from, amount: 8, unit: BUSINESS_HOURS, calendarId: $calendarId) { deadline } }`;

describe('refusals a form can reach carry a reason the web app words (QA S53)', () => {
  const { world, ok, refused } = useLedgerWorld('worded-refusals');
  const aurora = () => world.orgIds['comercializadora-aurora'];

  it('an organization name with no letter or digit A–Z/0–9: SLUG_NOT_DERIVABLE on «name»', async () => {
    const before = await databaseFingerprint(world.db);
    const error = await refused(CREATE_ORG, { name: '★★★' }, Role.ADMIN);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'SLUG_NOT_DERIVABLE',
      field: 'name',
    });
    expect(await databaseFingerprint(world.db)).toEqual(before);
  });

  it.each([
    [
      'an hour package bought in 0202',
      PURCHASE,
      () => ({
        organizationId: aurora(),
        hours: 5,
        price: 1000,
        currency: 'MXN',
        reference: 'F-0202',
        purchasedOn: '0202-02-15',
      }),
      'purchasedOn',
      '0202-02-15',
    ],
    [
      'a support policy starting in 1999',
      POLICY,
      () => ({
        organizationId: aurora(),
        monthlyFee: 18500,
        currency: 'MXN',
        startDate: '1999-12-01',
      }),
      'startDate',
      '1999-12-01',
    ],
  ])(
    '%s: DATE_TOO_EARLY with the date and the earliest one, nothing written',
    async (_l, mutation, input, field, value) => {
      const before = await databaseFingerprint(world.db);
      const error = await refused(mutation, input());
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        reason: 'DATE_TOO_EARLY',
        field,
        value,
        earliest: '2000-01-01',
      });
      expect(await databaseFingerprint(world.db)).toEqual(before);
    },
  );

  it('a named agent who is not an active agent: AGENT_NOT_ACTIVE on «agentId»', async () => {
    const error = await refused(
      CLASSIFY,
      {
        number: 'L3-2026-000001',
        classification: 'PROBLEM',
        agentId: '7f0c3a52-4b8e-4c7a-9d7e-2f1f1f1f1f1f',
      },
      Role.AGENT,
    );
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'AGENT_NOT_ACTIVE',
      field: 'agentId',
    });
  });

  it('the deadline calculator: a year outside 1900–9000 names its field and rule', async () => {
    const { body } = await gql(world.api, DEADLINE, { from: '1899-06-01T12:00:00Z' });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'BUSINESS_TIME_INPUT_INVALID',
      field: 'from',
      rule: 'INSTANT_RANGE',
    });
  });

  it('the deadline calculator on a calendar with no working hours: NO_WORKING_TIME with its search', async () => {
    const { createCalendar } = await ok<{ createCalendar: { id: string } }>(
      `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`,
      {
        input: {
          name: 'Tulum cerrado',
          timeZone: 'America/Cancun',
          weekly: [],
          organizationId: world.orgIds['grupo-industrial-tulum'],
          mexicoLft74Holidays: false,
        },
      },
    );
    const { body } = await gql(world.api, DEADLINE, {
      from: '2026-12-07T15:00:00Z',
      calendarId: createCalendar.id,
    });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'NO_WORKING_TIME',
      timeZone: 'America/Cancun',
      searchedFrom: '2026-12-07',
      horizonDays: expect.any(Number),
    });
  });
});
