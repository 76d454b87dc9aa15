import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { ReminderList } from './dto/reminder-response.dto';
import { RemindersService } from './reminders.service';

@ApiTags('Reminders')
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /**
   * What is due for your role: evaluation conversations before an employment ends, consents about
   * to expire, and programmes stopped because a guardian withdrew the participation consent.
   */
  @ApiOperation({ summary: 'List what is due for your role' })
  @Get()
  @Allow('counsellor', 'social_worker')
  @ApiOkResponse({ type: ReminderList, description: 'Reminders, soonest first; recomputed every morning, and at once when a participation consent is given or withdrawn' })
  list(@PlanActor() actor: PlanActor) {
    return this.reminders.list(actor);
  }
}
