import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LOGIN_PRIVILEGES_SQL, privilegeProblem, type LoginPrivileges } from './app-login';

/**
 * Refuses to start when the app's connection could rewrite the audit log: the login must be the
 * least-privilege role (app-login.ts). Checked from the connection the app actually uses.
 */
@Injectable()
export class PrivilegeCheck implements OnApplicationBootstrap {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const [privileges] = (await this.dataSource.query(LOGIN_PRIVILEGES_SQL)) as LoginPrivileges[];
    const problem = privilegeProblem(privileges);
    if (problem) throw new Error(problem);
  }
}
