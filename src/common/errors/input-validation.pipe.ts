import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, type ValidationError } from 'class-validator';

/**
 * One broken class-validator rule, in machine-readable form, so a client can word it in its own
 * language: `path` is the dotted property path inside the argument (e.g. `description`,
 * `items.0.hours`), `constraint` the class-validator rule name (`maxLength`, `min`, `isIn`…),
 * `args` the rule's own arguments (e.g. `[20000]`) and `limit` the first numeric one.
 */
export interface InputViolation {
  readonly path: string;
  readonly property: string;
  readonly constraint: string;
  readonly args: readonly unknown[];
  readonly limit?: number;
}

type Arg = string | number | boolean | null;

/** Rule arguments as JSON: primitives and lists of them; a pattern as its source text. */
function jsonArg(value: unknown): Arg | Arg[] | undefined {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Arg;
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return value.map(jsonArg).filter((v): v is Arg => !Array.isArray(v));
  return undefined;
}

/** The arguments of `constraint` on `property` of the validated class (none when unknown). */
function ruleArgs(target: unknown, property: string, constraint: string): unknown[] {
  const type = (target as { constructor?: unknown } | undefined)?.constructor;
  if (typeof type !== 'function' || type === Object) return [];
  const rule = getMetadataStorage()
    .getTargetValidationMetadatas(type, '', true, false)
    .find((m) => m.propertyName === property && (m.name ?? m.type) === constraint);
  const raw: unknown[] = Array.isArray(rule?.constraints) ? rule.constraints : [];
  return raw.map(jsonArg).filter((v) => v !== undefined);
}

/** Every violated rule of the error tree, depth first, with its dotted path. */
export function inputViolations(errors: readonly ValidationError[], parent = ''): InputViolation[] {
  const out: InputViolation[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    for (const constraint of Object.keys(error.constraints ?? {})) {
      const args = ruleArgs(error.target, error.property, constraint);
      const limit = args.find((a): a is number => typeof a === 'number');
      out.push({
        path,
        property: error.property,
        constraint,
        args,
        ...(limit === undefined ? {} : { limit }),
      });
    }
    if (error.children?.length) out.push(...inputViolations(error.children, path));
  }
  return out;
}

/**
 * Nest's ValidationPipe whose 400 answer also lists `violations` (see `InputViolation`) next to
 * its English `message` list; the GraphQL error formatter passes both on in `extensions`.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    // `target` only to find each rule's arguments; it is never sent.
    super({ transform: true, forbidUnknownValues: true, validationError: { target: true } });
  }

  override createExceptionFactory(): (errors?: ValidationError[]) => unknown {
    const messages = super.createExceptionFactory();
    return (errors: ValidationError[] = []) => {
      const base = messages(errors) as BadRequestException;
      const response = base.getResponse();
      const body = typeof response === 'object' ? response : { message: response };
      return new BadRequestException({ ...body, violations: inputViolations(errors) });
    };
  }
}
