import { useState } from 'react';
import { ApiError } from '../api/graphql-client';

/**
 * A form's last refusal from the server, kept with what the form held when it was sent. A refusal
 * of the input (VALIDATION_FAILED) answers that input only: it shows while the form still holds it
 * and goes as soon as a field changes (QA: a corrected value kept its message until the next
 * send). Any other refusal (the ticket moved on, no connection) shows until the form is sent again.
 * `fields`: every value the form sends, compared as JSON.
 */
export function useInputRefusal(fields: unknown): {
  readonly error: unknown;
  /** Keeps `err` as the answer to what the form holds in this render. */
  readonly refuse: (err: unknown) => void;
  readonly clear: () => void;
} {
  const held = JSON.stringify(fields);
  const [failure, setFailure] = useState<{ error: unknown; fields: string }>();
  const error =
    failure &&
    (!(failure.error instanceof ApiError) ||
      failure.error.code !== 'VALIDATION_FAILED' ||
      failure.fields === held)
      ? failure.error
      : undefined;
  return {
    error,
    refuse: (err) => setFailure({ error: err, fields: held }),
    clear: () => setFailure(undefined),
  };
}
