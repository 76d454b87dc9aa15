import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { PLAN_ROLES, type PlanRole } from '../../access/roles';
import { PageQuery } from '../../common/pagination';

export class CreateUserDto {
  @ApiProperty({ example: 'radgiver@vejleaaparken.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sara Rådgiver' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({
    example: 'fjernsyn blomsterkasse regnvejr',
    description:
      'Refused (400 `password_not_allowed`): nobody sets another person\'s password, the platform admin included (issue 20). ' +
      'The user gets an invitation e-mail with a one-time link and sets their own.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;

  @ApiProperty({ enum: PLAN_ROLES, example: 'counsellor' })
  @IsIn(PLAN_ROLES)
  role: PlanRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for caseworkers (the municipal organisation they work for) and volunteers (the partner organisation, e.g. an NGO, whose volunteers they are)' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Sara Rådgiver' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    enum: PLAN_ROLES,
    description:
      'A new role ends the user\'s sessions when it takes effect; a caseworker never becomes a boligsocial role or the reverse, nor a volunteer anything else or the reverse (422). Counsellor and social worker ' +
      '(and leader, asked for by a leader) take effect only when another person approves them (POST /users/:id/approve): until then `pendingRole`',
  })
  @IsOptional()
  @IsIn(PLAN_ROLES)
  role?: PlanRole;

  @ApiPropertyOptional({
    description: 'false ends the user\'s sessions and blocks login; the user\'s records stay. true for a counsellor, social worker or leader waits for another person\'s approval',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @MinLength(20)
  @MaxLength(100)
  token: string;

  @ApiProperty({ example: 'fjernsyn blomsterkasse regnvejr', description: 'At least 12 characters, not a common or guessable password' })
  @IsString()
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ example: 'fjernsyn blomsterkasse regnvejr', description: 'At least 12 characters, not a common or guessable password' })
  @IsString()
  @MaxLength(200)
  newPassword: string;
}

export class InvitationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'revoked', 'expired'] })
  @IsOptional()
  @IsIn(['pending', 'accepted', 'revoked', 'expired'])
  status?: 'pending' | 'accepted' | 'revoked' | 'expired';
}
