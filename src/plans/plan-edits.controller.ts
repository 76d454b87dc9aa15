import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { UpdateHousingAreaDto, UpdateOrganisationDto, UpdatePlanDto } from './dto/plan-edits.dto';
import { HousingAreaResponse, OrganisationResponse, PlanResponse } from './dto/plan-response.dto';
import { PlanEditsService } from './plan-edits.service';

const NOT_YOURS = 'No such plan or object, or not yours (a leader reaches only their own plan)';

/** Corrections of what the admin provisioned: the plan, its housing areas and organisations. Nothing is deleted. */
@ApiTags('Plans and people')
@Controller('plans/:planId')
export class PlanEditsController {
  constructor(private readonly edits: PlanEditsService) {}

  @ApiOperation({ summary: 'Leader or admin: rename or edit a plan' })
  @Patch()
  @Allow('leader', 'admin')
  @ApiOkResponse({ type: PlanResponse })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: '`stale_version`: the plan changed since the `version` you sent' })
  @ApiUnprocessableEntityResponse({ description: '`plan_period`: validTo is not after validFrom' })
  updatePlan(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Body() dto: UpdatePlanDto): Promise<PlanResponse> {
    return this.edits.updatePlan(actor, planId, dto);
  }

  @ApiOperation({ summary: "Leader or admin: edit a plan's housing area" })
  @Patch('housing-areas/:id')
  @Allow('leader', 'admin')
  @ApiOkResponse({ type: HousingAreaResponse })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: '`duplicate_housing_area`: another housing area of the plan has this name; `stale_version`' })
  updateHousingArea(
    @CurrentActor() actor: Actor,
    @Param('planId', ParseIdPipe) planId: string,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateHousingAreaDto,
  ): Promise<HousingAreaResponse> {
    return this.edits.updateHousingArea(actor, planId, id, dto);
  }

  @ApiOperation({ summary: "Leader or admin: edit a plan's partner organisation" })
  @Patch('organisations/:id')
  @Allow('leader', 'admin')
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: '`duplicate_organisation`: another organisation of the plan has this name; `stale_version`' })
  updateOrganisation(
    @CurrentActor() actor: Actor,
    @Param('planId', ParseIdPipe) planId: string,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.edits.updateOrganisation(actor, planId, id, dto);
  }
}
