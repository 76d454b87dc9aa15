import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidInput } from './domain-errors';

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

function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPosition;
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at))) {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidInput([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
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
