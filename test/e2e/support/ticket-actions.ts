import type { Locator, Page } from 'playwright-core';

/**
 * Opens the ticket action `label` (its button's whole name, in the page's language, e.g.
 * «Clasificar») in the ticket page's «Acciones» panel, as a person would, and waits for its form.
 * The form: its fields, its own submit button of the same name, «Cerrar formulario». Only the
 * panel's action buttons are searched, so an open form's submit button of that name is never
 * clicked instead (L3-05…L3-09 transitions).
 */
export async function openAction(page: Page, label: string): Promise<Locator> {
  const button = page
    .getByTestId('actions')
    .locator('.action-buttons')
    .getByRole('button', { name: label, exact: true });
  const action = await button.getAttribute('data-action');
  await button.click();
  const form = page.getByTestId(`action-form-${action}`);
  await form.waitFor();
  return form;
}
