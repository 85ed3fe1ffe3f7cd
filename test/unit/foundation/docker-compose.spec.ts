import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadAppConfig } from '../../../src/config/app-config';
import { API_NODE_FLAGS } from '../../../src/dev/child-process';
import { ALL_SEARCH_ATTRIBUTES } from '../../../workflows/search-attributes';
import { ROOT } from '../../support/paths';

// Foundation: docker-compose.yml describes the production topology with real services, and wires
// every variable the app's config needs to a service that exists.

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: unknown };
  deploy?: { replicas?: number };
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

/** Compose's `${VAR:-default}` interpolation with an empty environment. */
function interpolate(env: Record<string, string | number> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [
      k,
      String(v).replace(
        /\$\{(\w+)(?::-([^}]*))?\}/g,
        (_, _name: string, dflt?: string) => dflt ?? '',
      ),
    ]),
  );
}

describe('docker-compose.yml', () => {
  it('has the production services', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        'postgresql',
        'temporal',
        'temporal-ui',
        'mail',
        'migrate',
        'api',
        'worker',
      ]),
    );
    expect(services.temporal.image).toMatch(/^temporalio\/auto-setup:/);
    expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:/);
    expect(services.postgresql.image).toMatch(/^postgres:\d+/);
  });

  it.each(['api', 'worker', 'migrate'])('gives %s a complete, valid app configuration', (name) => {
    const env = interpolate(services[name].environment);
    const config = loadAppConfig(env);
    // Every backing address names a compose service.
    expect(Object.keys(services)).toContain(new URL(config.database.url).hostname);
    expect(Object.keys(services)).toContain(config.temporal.address.split(':')[0]);
    expect(Object.keys(services)).toContain(new URL(config.mail.smtpUrl).hostname);
  });

  it('runs the API with the V8 flags it runs with under `npm start`', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
    for (const command of [services.api.command as string[], cmd]) {
      expect(command.slice(0, -1)).toEqual(expect.arrayContaining([...API_NODE_FLAGS]));
      expect(command.at(-1)).toBe('dist/src/api/main.js');
    }
  });

  it('runs the API and the worker from the built entry points', () => {
    expect(services.api.command).toContain('dist/src/api/main.js');
    expect(services.worker.command).toContain('dist/src/worker/main.js');
    expect(services.migrate.command).toContain('dist/src/database/migrate.js');
    expect(services.worker.deploy?.replicas).toBeGreaterThan(1);
  });

  it('has health checks and waits on them', () => {
    for (const name of ['postgresql', 'temporal', 'api', 'mail']) {
      expect(services[name].healthcheck?.test).toBeDefined();
    }
    expect(services.temporal.depends_on?.postgresql?.condition).toBe('service_healthy');
    expect(services.api.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(services.worker.depends_on?.['temporal-setup']?.condition).toBe(
      'service_completed_successfully',
    );
  });

  it('registers every search attribute the workflows use', () => {
    const command = String(services['temporal-setup'].command);
    for (const key of ALL_SEARCH_ATTRIBUTES) {
      expect(command).toContain(`--name ${key.name} --type`);
    }
  });
});
