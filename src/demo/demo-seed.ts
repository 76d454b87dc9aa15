import type { INestApplication } from '@nestjs/common';
export async function seedDemoData(_app: INestApplication): Promise<void> {}
