import type { ChangeOrderMessages } from './change-orders.es-mx';

/** English texts of change orders (L3-12): more hours for a requirement in development. */
export const changeOrdersEn: ChangeOrderMessages = {
  actionNames: {
    submitChangeOrder: 'Change order',
    authorizeChangeOrder: 'Authorize change order',
    rejectChangeOrder: 'Reject change order',
  },
  events: {
    submitChangeOrder: 'Change order submitted',
    authorizeChangeOrder: 'Change order authorized',
    rejectChangeOrder: 'Change order rejected',
  },
  hoursLabel: 'Additional hours',
  scopeLabel: 'Reason and scope of the additional hours',
  explain: (authorized) =>
    `Ask the client for hours on top of the ${authorized} h authorized. The ticket keeps its state; a client approver must authorize it in writing before time beyond the authorized hours is logged.`,
  label: (added) => `Change order +${added} h`,
  total: (hours) => `total ${hours} h`,
  option: (v, added) => `v${v}: change order +${added.toLocaleString('en')} h`,
  authorizeHours: (added, total) =>
    `${added.toLocaleString('en')} additional hours will be reserved from your prepaid hours (the authorized total becomes ${total.toLocaleString('en')} h).`,
  hoursAdded: (added, total) =>
    `The change order adds ${added.toLocaleString('en')} h (the total would become ${total.toLocaleString('en')} h).`,
  statementPlaceholder: 'I authorize the … additional hours for …',
  rejectExplain:
    'Rejecting reserves no additional hours; the work goes on within the hours already authorized.',
  shortfall: (h) =>
    `${h.toLocaleString('en')} h short: the balance does not cover this change order.`,
  authorizedBy: (name, v, added, at) =>
    `${name} authorized change order v${v} (+${added} h) on ${at}`,
  authorizedVersion: (v, added, at) => `Change order v${v} (+${added} h), authorized on ${at}`,
};
