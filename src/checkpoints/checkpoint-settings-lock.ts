import type { EntityManager } from 'typeorm';

/**
 * Advisory lock namespace of one client's checkpoint settings (with `hashtext(organization id)`).
 * Not the agenda's `CHKP`, which a run holds while it builds an agenda.
 */
const SETTINGS_LOCK = 0x43_48_4b_53; // "CHKS"

/**
 * Takes `organizationId`'s checkpoint settings lock for the rest of `tx` (L3-15). Whoever writes
 * the client's settings or syncs its Schedule from them holds it, so they take turns: a save and
 * its Schedule sync commit together before a boot or calendar sync reads the row, and that sync
 * never pushes settings older than what a save in flight has already synced. A client's lock, not
 * its row's: a first save has no row to lock.
 */
export async function lockCheckpointSettings(
  tx: EntityManager,
  organizationId: string,
): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SETTINGS_LOCK, organizationId]);
}
