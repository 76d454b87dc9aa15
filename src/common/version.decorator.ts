import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** PostgreSQL's integer: a version beyond it cannot be one the service issued, and must not reach the query as a 500. */
const MAX_VERSION = 2_147_483_647;

/**
 * Optimistic concurrency on a change: the `version` of `what` the caller read, if they send it.
 * A stale one is answered 409 `stale_version` by the service (common/stale-version checks).
 */
export const ExpectedVersion = (what: string) =>
  applyDecorators(
    ApiPropertyOptional({ example: 1, description: `The ${what}'s \`version\` as you read it; 409 \`stale_version\` when it changed since` }),
    IsOptional(),
    IsInt(),
    Min(1),
    Max(MAX_VERSION),
  );
