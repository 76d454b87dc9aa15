import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CsrAwardsController } from './csr-awards.controller';
import { CsrAwardsService } from './csr-awards.service';
import { EmployerRegisterController } from './employer-register.controller';
import { EmployerRegisterRepository } from './employer-register.repository';
import { EmployerRegisterService } from './employer-register.service';
import { EmployersController } from './employers.controller';
import { EmployersRepository } from './employers.repository';
import { EmployersService } from './employers.service';
import { CsrAward } from './entities/csr-award.entity';
import { EmployerAgreement } from './entities/employer-agreement.entity';
import { EmployerContact } from './entities/employer-contact.entity';
import { Employer } from './entities/employer.entity';
import { NetworkMembership } from './entities/network-membership.entity';

/**
 * The plan's employer register: employers and their agreements, the contact log, the network and
 * the CSR prize. EmployersRepository is exported for the job-programme, internship and activity
 * modules (an employer they name must be the plan's), EmployersService for the demo.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Employer, EmployerAgreement, EmployerContact, NetworkMembership, CsrAward])],
  controllers: [EmployersController, EmployerRegisterController, CsrAwardsController],
  providers: [EmployersService, EmployersRepository, EmployerRegisterService, EmployerRegisterRepository, CsrAwardsService],
  exports: [EmployersService, EmployersRepository],
})
export class EmployersModule {}
