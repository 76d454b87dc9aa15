import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ProblemItem } from './domain-errors';

function flatten(errors: ValidationError[], parent = ''): ProblemItem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Global validation: unknown fields are rejected and every error names its field (api.md, 400). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const items = flatten(errors);
      return new BadRequestException({
        message: items.map((i) => `${i.field}: ${i.message}`).join('; '),
        errors: items,
      });
    },
  });
}
