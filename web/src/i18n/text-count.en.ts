import { numberFormat } from '../../../src/shared/intl-formats';
import type { TextCountMessages } from './text-count.es-mx';

const n = (value: number) => numberFormat('en', {}).format(value);

export const textCountEn: TextCountMessages = {
  count: (length: number, limit: number) => `${n(length)} of ${n(limit)} characters`,
  over: (length: number, limit: number) =>
    `${n(length)} of ${n(limit)} characters: ${n(length - limit)} too many.`,
};
