import { endSentence } from './sentence';

/** Spanish (Mexico) texts of a ticket's worked hours (L3-12, L3-13). */
export const timeEntriesEsMX = {
  title: 'Horas trabajadas',
  intro: 'Cada registro descuenta de la estimación autorizada y del saldo de horas del cliente.',
  clientIntro:
    'Las horas que el proveedor registró en este ticket y las que se descontaron de su saldo.',
  empty: 'Todavía no hay horas registradas.',
  date: 'Fecha',
  hours: 'Horas',
  charged: 'Horas descontadas',
  /** L3-13: a manager reversed the entry (a correction): its hours went back to the balance. */
  reversed: 'Revertido: ya no se descuenta',
  /** L3-18: an entry of no charge, cancelled (nothing was charged). */
  cancelledNoCharge: 'Anulado',
  description: 'Descripción',
  agent: 'Agente',
  total: (hours: number) => `Total descontado: ${hours} h`,
  formTitle: 'Registrar horas',
  hoursHint: 'Hasta 24 horas, con hasta dos decimales (por ejemplo 0.25 o 1.5).',
  descriptionHint: 'Qué se hizo; el cliente lo verá en su estado de horas.',
  submit: 'Registrar horas',
  sending: 'Registrando…',
  dateRequired: 'Indique la fecha en que se hizo el trabajo.',
  hoursInvalid: 'Las horas deben ser un número mayor que 0 y de hasta 24, con hasta dos decimales.',
  descriptionRequired: 'Describa el trabajo realizado.',
  logged: (hours: number, balance: number, available: number) =>
    `Se registraron ${hours} h. Saldo del cliente: ${balance} h (disponibles para nuevas estimaciones: ${available} h).`,
  /** L3-12, L3-18: why «Registrar horas» is not offered (the API would refuse every entry). */
  unavailable: {
    noEstimate:
      'Para registrar horas, este ticket necesita una estimación autorizada por el cliente, o márquelo «Sin cargo al paquete».',
    noHoursLeft:
      'Las horas autorizadas de este ticket ya se usaron: para registrar más, envíe una orden de cambio, o márquelo «Sin cargo al paquete».',
    closed:
      'El ticket está cerrado: las horas autorizadas que no se usaron volvieron al saldo del cliente. Para registrar horas, márquelo «Sin cargo al paquete».',
  },
  reasons: {
    EXCEEDS_AUTHORIZED_ESTIMATE: 'Excede las horas autorizadas de la estimación',
  } as Record<string, string>,
  /** L3-12, L3-13: header of the column of «Anular» (read by screen readers). */
  actions: 'Acciones',
  /** «Anular registro»: a time entry logged by mistake, cancelled with a reason. */
  cancel: {
    open: 'Anular',
    /** The button's accessible name and the form's heading. */
    entryName: (hours: number, date: string) => `Anular el registro de ${hours} h del ${date}`,
    intro:
      'El registro queda en la lista, marcado como anulado, y deja de contar. Si se descontó del paquete y el ticket sigue en curso, sus horas vuelven a la estimación autorizada. Los aprobadores del cliente reciben un correo con el motivo.',
    reason: 'Motivo',
    reasonHint: 'Por ejemplo: «Horas capturadas dos veces». El cliente lo leerá.',
    reasonRequired: 'Escriba por qué se anula el registro.',
    submit: 'Anular registro',
    sending: 'Anulando…',
    keep: 'No anular',
    done: (hours: number, date: string) =>
      endSentence(`Se anuló el registro de ${hours} h del ${date}`),
  },
};

export type TimeEntriesMessages = typeof timeEntriesEsMX;
