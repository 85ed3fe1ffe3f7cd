/** Why a checkpoint's decisions cannot be recorded yet; null when they can (L3-15, L3-10). */
export type DecisionProblem = 'notesRequired' | 'prioritiesNotLoaded' | 'prioritiesUnchanged';

/**
 * The decision form's check before it calls the API. With «nuevo orden» ticked, the decisions go
 * only with a new order: while the client's queue has not loaded (or failed to), sending them
 * would record the notes without the order the person meant to set, and email them so.
 */
export function decisionProblem(form: {
  notes: string;
  reorder: boolean;
  /** The client's queue as loaded; undefined while loading or after an error. */
  queueOrder: readonly string[] | undefined;
  /** The order in the form. */
  order: readonly string[];
}): DecisionProblem | null {
  if (!form.notes.trim()) return 'notesRequired';
  if (!form.reorder) return null;
  if (!form.queueOrder) return 'prioritiesNotLoaded';
  const same =
    form.order.length === form.queueOrder.length &&
    form.order.every((n, i) => n === form.queueOrder![i]);
  return same ? 'prioritiesUnchanged' : null;
}
