import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from './app.factory';
import { ConfigurationError, loadConfig } from './config/app-config';
import { prepareDatabase } from './database/startup';
import { demoLoginHelp, seedDemoData } from './demo/demo-seed';
import { UsersService } from './users/users.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const ran = await prepareDatabase(config);
  const app = await createApp(config);
  if (config.adminEmail && config.adminPassword) await app.get(UsersService).ensureBootstrapAdmin(config.adminEmail, config.adminPassword);
  if (config.demoData) await seedDemoData(app);
  if (config.processRole === 'worker') {
    // A worker serves no HTTP; it runs the background processors registered in the app and stops on SIGTERM.
    process.stdout.write('Helhedsplan worker is running (PROCESS_ROLE=worker); no HTTP is served.\n');
    return;
  }
  await app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });
  const base = `http://localhost:${config.port}`;
  process.stdout.write(
    `\nHelhedsplan is up (${config.processRole}).\n` +
      `  Web app:    ${fs.existsSync(path.join(config.webAppDir, 'index.html')) ? `${base}/` : `not built (no index.html in ${config.webAppDir}; npm run build)`}\n` +
      `  API docs:   ${base}/api/docs\n  OpenAPI:    ${base}/api/docs-json\n  Health:     ${base}/health/ready\n` +
      (ran.length ? `  Migrations: ran ${ran.join(', ')}\n` : '') +
      (config.demoData ? `${demoLoginHelp(base, config.mfaRequiredRoles.includes('counsellor'))}\n` : '') +
      '\n',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error('The service could not start:', error);
  }
  process.exit(1);
});
