import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  chromium,
} from 'playwright-core';
import { ROOT } from '../../support/paths';

/** Debian's `chromium` package (CI installs it in `.ci/run`); another build via CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e');

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The browser's time zone in every e2e page: the demo users' and the default calendar's. */
export const BROWSER_TIME_ZONE = 'America/Mexico_City';

/**
 * A fresh browser profile (empty localStorage) as a person in Mexico City would have; `timeZone`
 * puts the device elsewhere (e.g. a manager travelling, whose profile still says Mexico City);
 * `hasTouch`, a touch screen (CSS `pointer: coarse`, `hover: none`), as a phone's.
 */
export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 900 },
  timeZone = BROWSER_TIME_ZONE,
  device: { readonly hasTouch?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'es-MX',
    timezoneId: timeZone,
    ...device,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** Logs in through the form, as a person would, and waits for the signed-in header. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/entrar');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByTestId('who').waitFor();
}

/** The app in Spanish (the switch), whatever language the account or device started in. */
export async function inSpanish(page: Page): Promise<void> {
  const spanish = page.getByRole('button', { name: 'Español' });
  if (await spanish.isVisible()) await spanish.click();
}

/** The main screens, committed and shown in the README ("Screens"). */
export const DOCS_SCREENSHOT_DIR = join(ROOT, 'docs', 'screenshots');

/**
 * Full-page screenshot for a human to look at: `test-results/e2e/<name>.png`; with `docs`, also
 * `docs/screenshots/<docs>.png` (a main screen the README shows).
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { docs?: string } = {},
): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const image = await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
  });
  if (options.docs) {
    mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(DOCS_SCREENSHOT_DIR, `${options.docs}.png`), image);
  }
}

/**
 * What sticks out to the right when the document is wider than the viewport (a horizontal
 * scrollbar): [] when it fits. Elements inside their own scroll box (wide tables) do not count.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const root = document.documentElement;
    if (Math.max(root.scrollWidth, document.body.scrollWidth) <= root.clientWidth) return [];
    const clipped = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && !clipped(el))
      .slice(0, 8)
      .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
        ' right=' + Math.round(el.getBoundingClientRect().right));
  })()`);
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The boxes of several elements measured in one frame, after the page has painted twice: boxes
 * compared with each other must come from the same layout. Measured one by one (`boundingBox()`
 * per locator), a section that finishes loading between two reads moves one element and not the
 * other (CI run of stop 66: a line measured 21 px above the word it sits under).
 */
export async function boxesInOneFrame(locators: readonly Locator[]): Promise<Box[]> {
  if (locators.length === 0) return [];
  const handles = await Promise.all(locators.map((locator) => locator.elementHandle()));
  const page = locators[0].page();
  return page.evaluate(async (elements) => {
    // This code runs in the page (the test tsconfig has no DOM library).
    const view = globalThis as unknown as { requestAnimationFrame(paint: () => void): number };
    for (let i = 0; i < 2; i++)
      await new Promise<void>((painted) => view.requestAnimationFrame(painted));
    return elements.map((element) => {
      const at = (element as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect();
      return { x: at.x, y: at.y, width: at.width, height: at.height };
    });
  }, handles);
}

/** Room Chromium's own drop-down arrow takes inside a select, besides its padding. */
const SELECT_ARROW_PX = 20;

/**
 * Whether the select `#id` shows its chosen option's text whole: null when it does, else the text
 * with the width it needs against the room it has (measured in the select's own font).
 */
export async function selectLabelCut(page: Page, id: string): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    const el = document.getElementById(${JSON.stringify(id)});
    const s = getComputedStyle(el);
    const text = el.selectedOptions[0]?.textContent ?? '';
    const context = document.createElement('canvas').getContext('2d');
    context.font = s.font;
    const needed = context.measureText(text).width;
    const room =
      el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - ${SELECT_ARROW_PX};
    return needed <= room ? null : text + ': needs ' + Math.ceil(needed) + ' px, has ' + Math.floor(room);
  })()`);
}
