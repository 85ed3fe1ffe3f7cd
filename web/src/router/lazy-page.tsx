import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useI18n } from '../i18n/i18n-context';

/**
 * A page loaded on first visit, in its own chunk: the app's one bundle passed Vite's 500 kB chunk
 * limit, and a screen a role never opens need not be downloaded. The loader names the export, so
 * page modules keep their named exports.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  return lazy(async () => ({ default: await load() }));
}

/** While a page's chunk loads: the app's own «Cargando…» (es/en), announced as a status. */
export function PageSuspense({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <Suspense fallback={<p role="status">{t.loading}</p>}>{children}</Suspense>;
}
