import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInput } from './domain-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** A path id must be a UUID; the 400 names the parameter, like every other validation error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUuid(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw new InvalidInput([{ field, rule: 'uuid', message: `${field} must be an id (a UUID)` }]);
  }
}
