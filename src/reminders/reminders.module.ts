import { DynamicModule, Module } from '@nestjs/common';
import type { ProcessRole } from '../config/app-config';
import { RemindersController } from './reminders.controller';
import { RemindersProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';

@Module({})
export class RemindersModule {
  static register(processRole: ProcessRole): DynamicModule {
    return {
      module: RemindersModule,
      controllers: [RemindersController],
      providers: [RemindersService, ...(processRole === 'api' ? [] : [RemindersProcessor])],
      exports: [RemindersService],
    };
  }
}
