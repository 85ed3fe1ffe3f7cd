import { useMemo, useRef } from 'react';
import { ApiError } from '../api/graphql-client';

/** A fresh idempotency key (crypto.randomUUID where the browser has it). */
export function newRequestId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function')
    return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The request may have been applied: its answer was lost, or the service failed mid-way. */
export function answerUnknown(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK' || error.code === 'UNAVAILABLE');
}

export interface RequestIds {
  /**
   * The request ID to send with `content` (anything JSON-serialisable, without the ID): the
   * pending one when this is a retry of the same content, a fresh one otherwise.
   */
  take(content: unknown): string;
  /**
   * Reports how the request ended (no argument: success). Success or a definite refusal frees
   * the ID, so the next request gets a new one; an unknown answer (network, service unavailable)
   * keeps it, so a retry of the same content is applied at most once.
   */
  settle(error?: unknown): void;
  /** Sends `request` with the ID for `content` (see `take`) and settles it with the outcome. */
  send<T>(content: unknown, request: (requestId: string) => Promise<T>): Promise<T>;
}

/**
 * One idempotency key per request content, for a form whose mutation takes a `requestId`: the
 * same ID across retries of the same content, a new one after success (or after the server
 * refused it, or when the content changed).
 */
export function useRequestId(): RequestIds {
  const pending = useRef<{ key: string; id: string } | undefined>(undefined);
  return useMemo<RequestIds>(() => {
    const take = (content: unknown) => {
      const key = JSON.stringify(content);
      if (pending.current?.key !== key) pending.current = { key, id: newRequestId() };
      return pending.current.id;
    };
    const settle = (error?: unknown) => {
      if (error === undefined || !answerUnknown(error)) pending.current = undefined;
    };
    const send = async <T>(content: unknown, request: (requestId: string) => Promise<T>) => {
      try {
        const result = await request(take(content));
        settle();
        return result;
      } catch (err) {
        settle(err);
        throw err;
      }
    };
    return { take, settle, send };
  }, []);
}
