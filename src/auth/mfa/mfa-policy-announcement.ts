import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ROLES, type Role } from '../../access/roles';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export interface MfaPolicyNotice {
  level: 'error' | 'warn' | 'log';
  message: string;
  rolesWithoutMfa: Role[];
}

/**
 * What the start-up log says about roles that sign in without a second factor: nothing when every
 * role must use one. In production every role left out is logged as a warning, and no role at all
 * (MFA_REQUIRED_ROLES empty, let through only by ALLOW_NO_MFA=true) as an error, so the
 * exemption is seen by whoever reads the logs, not only by whoever set the variable.
 */
export function mfaPolicyNotice(config: Pick<AppConfig, 'production' | 'mfaRequiredRoles'>): MfaPolicyNotice | undefined {
  const rolesWithoutMfa = ROLES.filter((role) => !config.mfaRequiredRoles.includes(role));
  if (rolesWithoutMfa.length === 0) return undefined;
  if (!config.production) return { level: 'log', message: `roles that sign in without a second factor (MFA_REQUIRED_ROLES): ${rolesWithoutMfa.join(', ')}`, rolesWithoutMfa };
  if (config.mfaRequiredRoles.length === 0) {
    return { level: 'error', message: 'NO ROLE must sign in with a second factor: MFA_REQUIRED_ROLES is empty and ALLOW_NO_MFA=true overrides the production check', rolesWithoutMfa };
  }
  return { level: 'warn', message: `in production these roles sign in without a second factor (MFA_REQUIRED_ROLES): ${rolesWithoutMfa.join(', ')}`, rolesWithoutMfa };
}

/** Logs mfaPolicyNotice once a process has started (API and worker alike). */
@Injectable()
export class MfaPolicyAnnouncement implements OnApplicationBootstrap {
  private readonly logger = new Logger('MfaPolicy');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    const notice = mfaPolicyNotice(this.config);
    if (notice) this.logger[notice.level]({ rolesWithoutMfa: notice.rolesWithoutMfa }, notice.message);
  }
}
