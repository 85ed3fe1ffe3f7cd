import { operation } from './graphql-client';

// Canned responses («Respuestas predefinidas»): provider staff read them, managers and admins
// write them; the ticket page fills their placeholders (`canned-responses/canned-fill.ts`).

/** The API's limits (CreateCannedResponseInput): title and body, after trimming. */
export const CANNED_TITLE_MAX_LENGTH = 120;
export const CANNED_BODY_MAX_LENGTH = 10_000;

export interface CannedResponse {
  id: string;
  title: string;
  /** The Spanish text. */
  body: string;
  /** The English text, or null: Spanish only. */
  bodyEn: string | null;
  updatedAt: string;
  updatedByName: string | null;
}

const FIELDS = 'id title body bodyEn updatedAt updatedByName';

/** Every canned response, by title (Spanish order). */
export const CANNED_RESPONSES = operation<{ cannedResponses: CannedResponse[] }>(
  `query CannedResponses { cannedResponses { ${FIELDS} } }`,
);

export const CREATE_CANNED_RESPONSE = operation<
  { createCannedResponse: CannedResponse },
  { input: { title: string; body: string; bodyEn: string | null } }
>(`mutation CreateCannedResponse($input: CreateCannedResponseInput!) {
  createCannedResponse(input: $input) { ${FIELDS} }
}`);

export const UPDATE_CANNED_RESPONSE = operation<
  { updateCannedResponse: CannedResponse },
  { input: { id: string; title: string; body: string; bodyEn: string | null } }
>(`mutation UpdateCannedResponse($input: UpdateCannedResponseInput!) {
  updateCannedResponse(input: $input) { ${FIELDS} }
}`);

export const DELETE_CANNED_RESPONSE = operation<
  { deleteCannedResponse: CannedResponse },
  { id: string }
>(`mutation DeleteCannedResponse($id: ID!) { deleteCannedResponse(id: $id) { ${FIELDS} } }`);
