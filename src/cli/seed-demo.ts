import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { prepareDatabase } from '../database/startup';
import { demoLoginHelp, seedDemoData } from '../demo/demo-seed';

/** `npm run demo:seed`: loads the demo plan into the configured database without starting the API. */
async function main(): Promise<void> {
  const config = loadConfig();
  await prepareDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const { created } = await seedDemoData(app);
    console.log(created ? 'Demo data loaded.' : 'Demo data was already there; nothing changed.');
    console.log(demoLoginHelp(`http://localhost:${config.port}`, config.mfaRequiredRoles.includes('counsellor')));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
