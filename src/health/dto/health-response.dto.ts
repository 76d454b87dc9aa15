import { ApiProperty } from '@nestjs/swagger';

export class LiveResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class DependencyCheck {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ required: false, enum: ['no answer in time', 'not reachable'], description: 'Only when down' }) reason?: string;
}

export class DependencyChecks {
  @ApiProperty({ type: DependencyCheck }) postgres: DependencyCheck;
  @ApiProperty({ type: DependencyCheck }) redis: DependencyCheck;
}

export class ReadyResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'unavailable'], description: '`degraded`: Redis is down (writes still work); `unavailable` (503): PostgreSQL is down' })
  status: 'ok' | 'degraded' | 'unavailable';

  @ApiProperty({ type: DependencyChecks }) checks: DependencyChecks;
}
