/** Every invalid variable found while reading a configuration, reported together. */
export class ConfigValidationError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid configuration (${issues.length}):\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

/**
 * Reads typed values from an environment map, collecting every problem instead of stopping at the
 * first; call {@link EnvReader.done} to throw them all at once.
 */
export class EnvReader {
  private readonly issues: string[] = [];

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  /** A string; `undefined` when unset or empty and no default is given. */
  string(key: string, fallback: string): string;
  string(key: string): string | undefined;
  string(key: string, fallback?: string): string | undefined {
    const raw = this.env[key]?.trim();
    return raw ? raw : fallback;
  }

  required(key: string, hint: string): string {
    const value = this.string(key);
    if (value === undefined) this.issues.push(`${key} is required (${hint})`);
    return value ?? '';
  }

  port(key: string, fallback: number): number {
    return this.int(key, fallback, 1, 65535);
  }

  int(key: string, fallback: number, min: number, max: number): number {
    const raw = this.string(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw) || n < min || n > max) {
      this.issues.push(
        `${key} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`,
      );
      return fallback;
    }
    return n;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(key);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.issues.push(`${key} must be one of ${allowed.join(', ')} (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return raw as T;
  }

  /** A URL whose scheme is one of `protocols` (e.g. `['postgres:', 'postgresql:']`). */
  url(key: string, protocols: readonly string[]): string | undefined {
    const raw = this.string(key);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        this.issues.push(`${key} must use ${protocols.join(' or ')} (got ${parsed.protocol})`);
        return undefined;
      }
      return raw;
    } catch {
      this.issues.push(`${key} is not a valid URL`);
      return undefined;
    }
  }

  /** `host:port`, as the Temporal client expects. */
  hostPort(key: string): string | undefined {
    const raw = this.string(key);
    if (raw === undefined) return undefined;
    if (!/^[\w.-]+:\d{1,5}$/.test(raw) && !/^\[[\da-f:]+\]:\d{1,5}$/i.test(raw)) {
      this.issues.push(`${key} must be host:port (got ${JSON.stringify(raw)})`);
      return undefined;
    }
    return raw;
  }

  email(key: string, fallback: string): string {
    const raw = this.string(key, fallback);
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(raw.replace(/^.*<(.+)>$/, '$1'))) {
      this.issues.push(
        `${key} must be an email address, optionally "Name <address>" (got ${JSON.stringify(raw)})`,
      );
    }
    return raw;
  }

  /** Adds a problem found by a cross-field check. */
  problem(message: string): void {
    this.issues.push(message);
  }

  /** Throws {@link ConfigValidationError} with every problem collected so far. */
  done(): void {
    if (this.issues.length) throw new ConfigValidationError(this.issues);
  }
}
