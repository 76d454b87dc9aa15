import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidInput } from './domain-errors';
import { parseInstant } from './instant.decorator';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s `nextCursor`' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface CursorPosition {
  at: string;
  id: string;
}

function encodeCursor(pos: { at: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ at: pos.at.toISOString(), id: pos.id })).toString('base64url');
}

// What encodeCursor writes: an instant from Date#toISOString, and a uuid or a bigint id.
const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CURSOR_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,18})$/;

/** A cursor is only ever one this API wrote; anything else (forged, truncated, year -271821) is a 400. */
function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPosition;
    if (
      typeof parsed?.at === 'string' &&
      typeof parsed.id === 'string' &&
      CURSOR_AT.test(parsed.at) &&
      CURSOR_ID.test(parsed.id) &&
      parseInstant(parsed.at) !== undefined
    ) {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidInput([{ field: 'cursor', message: 'cursor is not one this API issued' }], 'invalid_cursor');
}

/**
 * Keyset pagination, newest first, on (sortColumn, id): stable under inserts and one index
 * scan per page, unlike OFFSET.
 */
export async function paginate<T extends ObjectLiteral, R>(
  qb: SelectQueryBuilder<T>,
  query: PageQuery,
  sortColumn: string,
  idColumn: string,
  toView: (row: T) => R,
  positionOf: (row: T) => { at: Date; id: string },
): Promise<Page<R>> {
  const limit = query.limit ?? 50;
  if (query.cursor) {
    const pos = decodeCursor(query.cursor);
    qb.andWhere(`(${sortColumn}, ${idColumn}) < (:cursorAt, :cursorId)`, { cursorAt: pos.at, cursorId: pos.id });
  }
  const rows = await qb.orderBy(sortColumn, 'DESC').addOrderBy(idColumn, 'DESC').limit(limit + 1).getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor(positionOf(last))
      : null;
  return { items: items.map(toView), nextCursor };
}
