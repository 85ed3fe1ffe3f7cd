import { numberFormat } from '../../../src/shared/intl-formats';

const n = (value: number) => numberFormat('es-MX', {}).format(value);

/** A long text's count as it is typed, near and past its limit (`TextCount`, QA S51). */
export const textCountEsMX = {
  count: (length: number, limit: number) => `${n(length)} de ${n(limit)} caracteres`,
  over: (length: number, limit: number) =>
    `${n(length)} de ${n(limit)} caracteres: sobran ${n(length - limit)}.`,
};

export type TextCountMessages = typeof textCountEsMX;
