import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { PlanActor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AddOutreachPersonDto, CreateOutreachListDto, OutreachListQuery, RecordAttemptDto } from './dto/outreach.dto';
import { OutreachListDetails, OutreachListPage, OutreachListSummary, OutreachPersonResponse, RecordedAttemptResponse } from './dto/outreach-response.dto';
import { OutreachService } from './outreach.service';

/*
 * Who: the counsellors go from door to door (domain.md: "runs ... outreach"), so they add people,
 * read the names and record attempts. The leader may set a list up (the agreement with the
 * municipality is often theirs) and sees the lists with counts, never the names.
 */
@ApiTags('Outreach')
@Controller('outreach-lists')
export class OutreachController {
  constructor(private readonly outreach: OutreachService) {}

  @ApiOperation({ summary: 'Counsellor or leader: set up an outreach list with its legal basis and retention' })
  @Post()
  @Allow('counsellor', 'leader')
  @ApiCreatedResponse({ type: OutreachListSummary })
  create(@PlanActor() actor: PlanActor, @Body() dto: CreateOutreachListDto) {
    return this.outreach.createList(actor, dto);
  }

  @ApiOperation({ summary: 'The plan\'s outreach lists, with counts and no names' })
  @Get()
  @Allow('counsellor', 'leader')
  @ApiOkResponse({ type: OutreachListPage, description: 'Newest first' })
  lists(@PlanActor() actor: PlanActor, @Query() query: OutreachListQuery) {
    return this.outreach.lists(actor, query);
  }

  @ApiOperation({ summary: 'Counsellor: one outreach list with its people and attempts (audited)' })
  @Get(':id')
  @Allow('counsellor')
  @ApiOkResponse({ type: OutreachListDetails })
  @ApiNotFoundResponse({ description: 'No such list in your plan' })
  list(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.outreach.list(actor, id);
  }

  @ApiOperation({ summary: 'Counsellor: add a young person to an outreach list' })
  @Post(':id/people')
  @Allow('counsellor')
  @ApiCreatedResponse({ type: OutreachPersonResponse })
  @ApiConflictResponse({ description: 'The list is past its retention (`outreach_list_expired`)' })
  @ApiNotFoundResponse({ description: 'No such list in your plan' })
  addPerson(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: AddOutreachPersonDto) {
    return this.outreach.addPerson(actor, id, dto);
  }

  @ApiOperation({ summary: 'Counsellor: record an attempt at the door, optionally opening a counselling case from a talk' })
  @Post(':id/people/:personId/attempts')
  @Allow('counsellor')
  @ApiCreatedResponse({ type: RecordedAttemptResponse, description: 'The attempt; with `caseId` and `residentId` when a case was opened' })
  @ApiUnprocessableEntityResponse({ description: 'A case from anything but a talk (`outreach_case_needs_talk`), an attempt in the future (`outreach_attempt_in_future`), or the case\'s own rules (unknown topic, housing area not in your plan)' })
  @ApiConflictResponse({
    description: 'The list is past its retention (`outreach_list_expired`), a case was already opened for the person (`outreach_person_has_case`), the resident has an open case on the topic (`duplicate_open_case`) or may already be registered (`possible_duplicate`)',
  })
  @ApiNotFoundResponse({ description: 'No such list or person in your plan' })
  recordAttempt(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Param('personId', ParseIdPipe) personId: string, @Body() dto: RecordAttemptDto) {
    return this.outreach.recordAttempt(actor, id, personId, dto);
  }
}
