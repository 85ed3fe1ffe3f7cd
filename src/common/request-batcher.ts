import { type GraphQLResolveInfo, OperationTypeNode } from 'graphql';

/** One GraphQL request's reads of one kind: asked for by field resolvers, read in one go per tick. */
interface Batch<V> {
  readonly values: Map<string, Promise<V | null>>;
  pending: Map<string, { resolve: (value: V | null) => void; reject: (e: unknown) => void }>;
}

/**
 * Batches per GraphQL request like a DataLoader: every key the request's field resolvers ask for
 * in the same tick is read with one `read` call, and each key at most once per request (a page of
 * 100 tickets is one query, not 100). Keyed by the request's context object, so nothing outlives
 * the request. `arg` is what the first `load` of a batch passes to `read` (e.g. the viewer); a
 * failed read fails each field that asked, which may ask again on the next request.
 */
export class RequestBatcher<A, V> {
  private readonly batches = new WeakMap<object, Batch<V>>();

  constructor(private readonly read: (keys: string[], arg: A) => Promise<Map<string, V>>) {}

  load(context: object, key: string, arg: A): Promise<V | null> {
    let batch = this.batches.get(context);
    if (!batch) {
      batch = { values: new Map(), pending: new Map() };
      this.batches.set(context, batch);
    }
    const known = batch.values.get(key);
    if (known) return known;
    const current = batch;
    const value = new Promise<V | null>((resolve, reject) => {
      if (current.pending.size === 0) {
        // After the resolvers of this tick have asked (DataLoader's schedule).
        void Promise.resolve().then(() => process.nextTick(() => void this.flush(current, arg)));
      }
      current.pending.set(key, { resolve, reject });
    });
    batch.values.set(key, value);
    return value;
  }

  private async flush(batch: Batch<V>, arg: A): Promise<void> {
    const pending = batch.pending;
    batch.pending = new Map();
    try {
      const found = await this.read([...pending.keys()], arg);
      for (const [key, { resolve }] of pending) resolve(found.get(key) ?? null);
    } catch (err) {
      for (const [key, { reject }] of pending) {
        batch.values.delete(key);
        reject(err);
      }
    }
  }
}

/**
 * The scope a field's {@link RequestBatcher} reads share: the GraphQL request's context, except in
 * a mutation, whose answers each read after their own write (a document's mutations run one after
 * another: a batch shared with an earlier answer would give a later one what stood before its
 * write). `answer`: the object the field resolves on.
 */
export function batchScope(context: object, info: GraphQLResolveInfo, answer: object): object {
  return info.operation.operation === OperationTypeNode.MUTATION ? answer : context;
}
