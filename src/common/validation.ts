import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidInput, type ProblemItem } from './domain-errors';
import { inputProblems } from './input-hygiene';

const NULLABLE = 'validation:nullable';

/**
 * Marks a field a client may set to `null` to clear it (PATCH of an optional value). Everywhere
 * else `null` is refused with 400: "optional" means "may be left out", not "may be null", so a
 * NOT NULL column is never handed a null (issue: `null` on PATCH answered 500).
 */
export const Nullable = (): PropertyDecorator => (target, key) => Reflect.defineMetadata(NULLABLE, true, target, key);

function isNullable(metatype: unknown, key: string): boolean {
  return typeof metatype === 'function' && Reflect.getMetadata(NULLABLE, (metatype as { prototype: object }).prototype, key) === true;
}

function nullProblems(value: unknown, metatype: unknown): ProblemItem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value)
    .filter(([key, item]) => item === null && !isNullable(metatype, key))
    .map(([key]) => ({ field: key, rule: 'not_null', message: `${key} must not be null; leave it out instead` }));
}

function flatten(errors: ValidationError[], parent = ''): ProblemItem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Global validation (api.md, 400): first the rules every input meets (input-hygiene.ts, no null
 * unless @Nullable), then the DTO's own rules with unknown fields rejected; every error names its
 * field.
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => {
        const items = flatten(errors);
        return new BadRequestException({ message: items.map((i) => `${i.field}: ${i.message}`).join('; '), errors: items, code: 'validation_failed' });
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const path = metadata.type === 'param' ? (metadata.data ?? 'parameter') : '';
      const problems = [...inputProblems(value, path), ...(metadata.type === 'body' ? nullProblems(value, metadata.metatype) : [])];
      if (problems.length) throw new InvalidInput(problems);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe();
}
