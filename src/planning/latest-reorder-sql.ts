/**
 * L3-19: only a client's latest reorder stands. A later reorder was planned from the dates
 * actually published, so an earlier one's unpublished dates are stale: neither a retried
 * confirmation (`QueueReorderService.apply`) nor the reconciliation sweep
 * (`ReorderPublicationReconciler`) publishes them. Both ask this one SQL condition: true when the
 * `queue_reorder` row aliased `alias` has a later reorder of the same client's queue. Compared in
 * SQL, row against row, so the microseconds of `at` that a JavaScript `Date` would drop count.
 */
export function laterReorderExistsSql(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
  return `EXISTS (SELECT 1 FROM queue_reorder later_reorder
                   WHERE later_reorder.organization_id = ${alias}.organization_id
                     AND later_reorder.at > ${alias}.at)`;
}
