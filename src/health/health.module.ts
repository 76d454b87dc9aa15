import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SsoModule } from '../sso/sso.module';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';

// AuthModule and SsoModule: the admin's details (who is asking, and single sign-on's credentials).
@Module({ imports: [AuthModule, SsoModule], controllers: [HealthController], providers: [HealthRepository] })
export class HealthModule {}
