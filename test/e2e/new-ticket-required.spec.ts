import type { Dialog } from 'playwright-core';
import { inSpanish, logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// An audit of the client's «Nuevo ticket» (L3-06, L3-11): an empty field was told by the
// browser's own bubble, in the browser's language rather than the app's, and a description of
// spaces only passed it and went to the server. Now the form says which field is missing, in the
// app's words, and registers nothing. QA: and it says every missing field at once, each under its
// field and in a summary, with the keyboard on the first one.

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

    // QA: empty, it says every missing field at once (it said one per submit), each under its
    // field and all in the summary, and the keyboard goes to the first one (it stayed on the
    // button).
    await register.click();
    await problem.waitFor();
    expect(await problem.locator('p').innerText()).toBe(
      'Corrija lo siguiente antes de registrar el ticket:',
    );
    expect(await problem.locator('li').allInnerTexts()).toEqual([
      'Complete el campo «Categoría».',
      'Complete el campo «Asunto».',
      'Complete el campo «Descripción».',
    ]);
    const fields: [string, string][] = [
      ['category', 'Categoría'],
      ['subject', 'Asunto'],
      ['description', 'Descripción'],
    ];
    for (const [id, label] of fields) {
      const field = page.locator(`#new-ticket-${id}`);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const messageId = (await field.getAttribute('aria-describedby'))!;
      expect(await page.locator(`#${messageId}`).innerText()).toBe(`Complete el campo «${label}».`);
    }
    await page.waitForFunction("document.activeElement?.id === 'new-ticket-category'");

    // The category and subject given, a description of spaces only: that one alone, focused.
    await page.locator('#new-ticket-category').selectOption('INCIDENT');
    // QA S52: a field filled drops its message at once, not at the next send.
    await page.locator('#new-ticket-category-error').waitFor({ state: 'detached' });
    expect(await page.locator('#new-ticket-category').getAttribute('aria-invalid')).toBeNull();
    await page.locator('#new-ticket-subject').fill('No timbra la factura');
    await page.locator('#new-ticket-description').fill('   ');
    await register.click();
    await problem.getByText('Complete el campo «Descripción».').waitFor();
    expect(await problem.innerText()).toBe('Complete el campo «Descripción».');
    await page.waitForFunction("document.activeElement?.id === 'new-ticket-description'");
    expect(await page.locator('#new-ticket-category').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#new-ticket-subject-error').count()).toBe(0);
    expect(await page.locator('#new-ticket-description-error').innerText()).toBe(
      'Complete el campo «Descripción».',
    );
    expect(await page.getByTestId('registered').count()).toBe(0);

    // The message on screen follows the language switch (it stayed in Spanish until the next
    // submit), and the next submit says it in English too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Register ticket' }).waitFor();
    expect(await problem.innerText()).toBe('Fill in “Description”.');
    expect(await page.locator('#new-ticket-description-error').innerText()).toBe(
      'Fill in “Description”.',
    );
    await page.getByRole('button', { name: 'Register ticket' }).click();
    await problem.getByText('Fill in “Description”.').waitFor();

    // Filled in, it registers, and the message is gone.
    await page.locator('#new-ticket-description').fill('Error al timbrar.');
    await page.getByRole('button', { name: 'Register ticket' }).click();
    await page.getByTestId('registered').waitFor();
    expect(await problem.count()).toBe(0);
    expect(await page.locator('#new-ticket-description-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Español' }).click();
  });

  // QA S51: a description over its 20,000 characters was said to be too long only by the refusal
  // after sending. Its count shows from 18,000 on, and past the limit says by how many; the text
  // is kept whole (no `maxLength` cutting a paste where the browser stops it).
  it('counts a long description near and past its limit, keeping all of it', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await inSpanish(page);
    const description = page.locator('#new-ticket-description');
    const count = page.locator('#new-ticket-description-count');
    await description.fill('Detalle del error. '.repeat(100));
    expect(await count.isVisible()).toBe(false);
    expect(await description.getAttribute('aria-describedby')).toBeNull();

    await description.fill('a'.repeat(18_500));
    await count.getByText('18,500 de 20,000 caracteres').waitFor();
    expect(await description.getAttribute('aria-describedby')).toBe('new-ticket-description-count');

    await description.fill('a'.repeat(20_010));
    await count.getByText('20,010 de 20,000 caracteres: sobran 10.').waitFor();
    expect(await count.getAttribute('class')).toBe('field-error');
    expect((await description.inputValue()).length).toBe(20_010);

    await page.getByRole('button', { name: 'English' }).click();
    await count.getByText('20,010 of 20,000 characters: 10 too many.').waitFor();
    await page.getByRole('button', { name: 'Español' }).click();

    // QA S52: sent anyway, it came back as «Los datos no son válidos.». The form refuses it
    // itself, in the server's words, and registers nothing; the field is described by its count.
    await page.locator('#new-ticket-category').selectOption('INCIDENT');
    await page.locator('#new-ticket-subject').fill('Descripción muy larga');
    await page.getByRole('button', { name: 'Registrar ticket' }).click();
    const problem = page.getByTestId('new-ticket-problem');
    await problem.getByText('«Descripción» admite como máximo 20,000 caracteres.').waitFor();
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    expect(await description.getAttribute('aria-describedby')).toBe('new-ticket-description-count');
    expect(await page.getByTestId('registered').count()).toBe(0);
    // Shortened, the message goes at once, before any send.
    await description.fill('a'.repeat(19_990));
    await problem.waitFor({ state: 'detached' });
    expect(await description.getAttribute('aria-invalid')).toBeNull();

    // The subject: a paste of 325 characters is kept and counted, not cut at 200.
    const subject = page.locator('#new-ticket-subject');
    await subject.fill('s'.repeat(325));
    expect((await subject.inputValue()).length).toBe(325);
    await page
      .locator('#new-ticket-subject-count')
      .getByText('325 de 200 caracteres: sobran 125.')
      .waitFor();
  });

  // QA S62 #1 (L3-06, L3-11): «Nuevo ticket» kept no draft: a reload, «Cola» and back, or a
  // session that ended and a new login left category, subject and description empty, without a
  // word. They come back now, as the ticket page's forms do, until the ticket is registered; the
  // files chosen come back from another screen, and after a reload the form names them to attach
  // again (a browser cannot keep them).
  it('keeps what the client typed across a reload, another screen and a new login, until it is registered (QA S62 #1)', async () => {
    const drafts = "Object.keys(sessionStorage).filter((k) => k.startsWith('sla.draft.')).length";
    const LOG = Buffer.from('2026-12-07 09:12:44 ERROR l10n_mx_edi: sello inválido\n');
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    const asked: string[] = [];
    page.on('dialog', (dialog: Dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await inSpanish(page);
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    // By its heading's id: its name follows the language switch.
    const form = page.locator('section[aria-labelledby="new-ticket-title"]');
    const category = form.locator('#new-ticket-category');
    const subject = form.locator('#new-ticket-subject');
    const description = form.locator('#new-ticket-description');
    const fileList = form.getByTestId('new-ticket-file-list');
    const lost = form.getByTestId('new-ticket-files-lost');
    const restored = form.getByTestId('draft-restored');
    await category.selectOption('CONFIGURATION');
    await subject.fill('Serie de facturas nueva');
    await description.fill('Necesitamos la serie B para la sucursal Norte.');
    await form
      .getByLabel('Archivos (opcional)')
      .setInputFiles([{ name: 'bitácora.log', mimeType: 'text/plain', buffer: LOG }]);
    await fileList.getByText('bitácora.log', { exact: false }).waitFor();
    await page.waitForFunction(`${drafts} > 0`);
    const typed = async () => [
      await category.inputValue(),
      await subject.inputValue(),
      await description.inputValue(),
    ];
    const TYPED = [
      'CONFIGURATION',
      'Serie de facturas nueva',
      'Necesitamos la serie B para la sucursal Norte.',
    ];

    // «Cola» and back: all of it, the file too.
    await page.getByRole('navigation').getByRole('link', { name: 'Cola' }).click();
    await page.getByRole('heading', { name: 'Cola', level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    expect(await typed()).toEqual(TYPED);
    await fileList.getByText('bitácora.log', { exact: false }).waitFor();
    expect(await lost.count()).toBe(0);

    // A reload (it asks first: text not sent): the text, and the file named to attach again.
    await page.reload();
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    expect(asked).toEqual(['beforeunload']);
    await restored.getByText('Recuperamos el ticket que escribió y no registró.').waitFor();
    expect(await typed()).toEqual(TYPED);
    expect(await lost.innerText()).toBe(
      'Los archivos elegidos no se conservan al recargar la página. Vuelva a adjuntar: bitácora.log.',
    );
    await page.getByRole('button', { name: 'English' }).click();
    await restored
      .getByText('We restored the ticket you had written and not registered.')
      .waitFor();
    expect(await lost.innerText()).toBe(
      'Chosen files are not kept when the page is reloaded. Attach again: bitácora.log.',
    );
    await page.getByRole('button', { name: 'Español' }).click();

    // The session ends by itself (its expiry, moved to a few seconds from now) and the client
    // signs in again: the text is back.
    await page.evaluate(`(() => {
      const stored = JSON.parse(localStorage.getItem('sla.session'));
      stored.expiresAt = new Date(Date.now() + 3000).toISOString();
      localStorage.setItem('sla.session', JSON.stringify(stored));
    })()`);
    await page.reload();
    await page.getByText('Su sesión terminó', { exact: false }).waitFor();
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.getByRole('navigation').getByRole('link', { name: 'Mis tickets' }).click();
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    await restored.getByText('Recuperamos el ticket que escribió y no registró.').waitFor();
    expect(await typed()).toEqual(TYPED);
    await lost.getByText('Vuelva a adjuntar: bitácora.log.', { exact: false }).waitFor();

    // Attached again: the notice goes. Registered: the form empties and nothing is kept.
    await form
      .getByLabel('Archivos (opcional)')
      .setInputFiles([{ name: 'bitácora.log', mimeType: 'text/plain', buffer: LOG }]);
    expect(await lost.count()).toBe(0);
    await form.getByRole('button', { name: 'Registrar ticket' }).click();
    await form.getByTestId('registered').getByText('Se adjuntó 1 archivo.').waitFor();
    expect(await typed()).toEqual(['', '', '']);
    expect(await restored.count()).toBe(0);
    expect(await page.evaluate(drafts)).toBe(0);
    const before = asked.length;
    await page.reload();
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    await subject.waitFor();
    expect(asked.length).toBe(before);
    expect(await typed()).toEqual(['', '', '']);
    expect(await restored.count()).toBe(0);
    expect(await lost.count()).toBe(0);
  });
});
