/** Spanish (Mexico) texts of no-charge tickets on the ticket page (L3-18). */
export const noChargeEsMX = {
  /** The header's line: whether the ticket is charged to the hour package. */
  packageLabel: 'Paquete de horas',
  badge: 'Sin cargo',
  charged: 'Se cobra al paquete',
  decidedBy: (name: string | null, at: string) => (name ? `${name}, ${at}` : at),
  reasonLabel: 'Motivo',
  cardTitle: 'Cargo al paquete de horas',
  statusNoCharge:
    'Este ticket está sin cargo al paquete de horas: el tiempo registrado desde la decisión no descuenta horas del cliente.',
  statusCharged: 'Este ticket se cobra al paquete de horas del cliente.',
  markAction: 'Sin cargo al paquete',
  decidedElsewhereMarked:
    'Otra persona ya marcó este ticket sin cargo mientras usted escribía. No se envía nada; su motivo queda abajo para copiarlo.',
  decidedElsewhereCharged:
    'Otra persona ya volvió a cobrar este ticket al paquete mientras usted escribía. No se envía nada; su motivo queda abajo para copiarlo.',
  chargeAction: 'Cobrar al paquete',
  markExplain:
    'Lo decide solo el proveedor, como beneficio de la cuota mensual. Se libera la reserva de horas del ticket; el tiempo que se registre después consume 0 h. Las horas ya descontadas siguen descontadas. El cliente lo verá en el ticket y recibirá un correo.',
  chargeExplain:
    'El tiempo que se registre después se descuenta del paquete del cliente. Si el ticket está abierto y tiene una estimación autorizada, se reservan de nuevo sus horas (menos lo ya descontado); sin saldo suficiente se rechaza y el ticket sigue sin cargo. El cliente lo verá en el ticket y recibirá un correo.',
  reason: 'Motivo',
  reasonHint: 'Obligatorio, hasta 500 caracteres. El cliente lo verá en el ticket y en el correo.',
  reasonRequired: 'Escriba el motivo de la decisión.',
  reasonTooLong: 'El motivo admite hasta 500 caracteres.',
  submitMark: 'Confirmar: sin cargo al paquete',
  submitCharge: 'Confirmar: cobrar al paquete',
  sending: 'Guardando…',
  cancel: 'Cancelar',
  doneMarked: (released: number) =>
    released > 0
      ? `El ticket quedó sin cargo al paquete. Se liberaron ${released} h reservadas; las horas ya registradas no cambian. Se avisó al cliente por correo.`
      : 'El ticket quedó sin cargo al paquete. No tenía horas reservadas; las horas ya registradas no cambian. Se avisó al cliente por correo.',
  doneCharged: (reserved: number) =>
    reserved > 0
      ? `El ticket vuelve a cobrarse al paquete. Se reservaron de nuevo ${reserved} h de su estimación autorizada. Se avisó al cliente por correo.`
      : 'El ticket vuelve a cobrarse al paquete. No se reservaron horas (sin estimación autorizada pendiente o ticket cerrado). Se avisó al cliente por correo.',
  timelineMarked: (reason: string) => `Marcado sin cargo al paquete: ${reason}`,
  timelineCharged: (reason: string) => `Vuelve a cobrarse al paquete: ${reason}`,
  hoursNote:
    'Ticket sin cargo al paquete: las horas registradas desde la decisión no se descuentan del paquete de horas.',
  totalNoCharge: (hours: number) => `Total descontado del paquete: ${hours} h (ticket sin cargo)`,
  reasons: {
    NO_ACTIVE_PACKAGE: 'El cliente no tiene un paquete de horas activo',
  } as Record<string, string>,
};

export type NoChargeMessages = typeof noChargeEsMX;
