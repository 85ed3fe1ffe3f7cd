import { inSpanish, logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// An audit of the client's «Nuevo ticket» (L3-06, L3-11): an empty field was told by the
// browser's own bubble, in the browser's language rather than the app's, and a description of
// spaces only passed it and went to the server. Now the form says which field is missing, in the
// app's words, and registers nothing.

const CLIENT = 'usuario@aurora.example';

describe('«Nuevo ticket» says which field is missing, in the app’s language, and follows its switch (L3-06)', () => {
  const e2e = useE2eWorldWithWorker('new_ticket_required');

  it('in Spanish and English, registering nothing', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await inSpanish(page);
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    const problem = page.getByTestId('new-ticket-problem');
    const register = page.getByRole('button', { name: 'Registrar ticket' });

    await register.click();
    expect(await problem.innerText()).toBe('Complete el campo «Categoría».');
    await page.locator('#new-ticket-category').selectOption('INCIDENT');
    await register.click();
    await problem.getByText('Complete el campo «Asunto».').waitFor();
    await page.locator('#new-ticket-subject').fill('No timbra la factura');
    await page.locator('#new-ticket-description').fill('   ');
    await register.click();
    await problem.getByText('Complete el campo «Descripción».').waitFor();
    expect(await page.getByTestId('registered').count()).toBe(0);

    // The message on screen follows the language switch (it stayed in Spanish until the next
    // submit), and the next submit says it in English too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Register ticket' }).waitFor();
    expect(await problem.innerText()).toBe('Fill in “Description”.');
    await page.getByRole('button', { name: 'Register ticket' }).click();
    await problem.getByText('Fill in “Description”.').waitFor();

    // Filled in, it registers, and the message is gone.
    await page.locator('#new-ticket-description').fill('Error al timbrar.');
    await page.getByRole('button', { name: 'Register ticket' }).click();
    await page.getByTestId('registered').waitFor();
    expect(await problem.count()).toBe(0);
    await page.getByRole('button', { name: 'Español' }).click();
  });
});
