import { DynamicModule, Module } from '@nestjs/common';
import type { ProcessRole } from '../config/app-config';
import { ResidentsModule } from '../residents/residents.module';
import { RemindersController } from './reminders.controller';
import { RemindersProcessor } from './reminders.processor';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

@Module({})
export class RemindersModule {
  static register(processRole: ProcessRole): DynamicModule {
    return {
      module: RemindersModule,
      imports: [ResidentsModule],
      controllers: [RemindersController],
      providers: [RemindersService, RemindersRepository, ...(processRole === 'api' ? [] : [RemindersProcessor])],
      exports: [RemindersService],
    };
  }
}
