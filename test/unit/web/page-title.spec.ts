import { pageTitle } from '../../../web/src/components/page-title';

// QA S43 (WCAG 2.4.2): the browser tab names the page, from its own heading.
describe('pageTitle', () => {
  it('puts the page heading before the app name, its whitespace collapsed', () => {
    expect(pageTitle('L3-2026-000003\n  Factura no timbra ', 'Soporte L3')).toBe(
      'L3-2026-000003 Factura no timbra · Soporte L3',
    );
    expect(pageTitle('SLA board', 'L3 Support')).toBe('SLA board · L3 Support');
  });

  it('is the app name alone on a page without a heading, or whose heading is the app name', () => {
    expect(pageTitle(undefined, 'Soporte L3')).toBe('Soporte L3');
    expect(pageTitle('   ', 'Soporte L3')).toBe('Soporte L3');
    expect(pageTitle('Soporte L3', 'Soporte L3')).toBe('Soporte L3');
  });
});
