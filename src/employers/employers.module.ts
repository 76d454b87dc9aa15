import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersController } from './employers.controller';
import { EmployersRepository } from './employers.repository';
import { EmployersService } from './employers.service';
import { EmployerAgreement } from './entities/employer-agreement.entity';
import { Employer } from './entities/employer.entity';

/** Employers and their agreements; EmployersRepository is exported for the job-programme module, EmployersService for the demo. */
@Module({
  imports: [TypeOrmModule.forFeature([Employer, EmployerAgreement])],
  controllers: [EmployersController],
  providers: [EmployersService, EmployersRepository],
  exports: [EmployersService, EmployersRepository],
})
export class EmployersModule {}
