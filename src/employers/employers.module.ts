import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersController } from './employers.controller';
import { EmployersService } from './employers.service';
import { EmployerAgreement } from './entities/employer-agreement.entity';
import { Employer } from './entities/employer.entity';

/** Employers and their agreements; EmployersService is exported for the job-programme module. */
@Module({
  imports: [TypeOrmModule.forFeature([Employer, EmployerAgreement])],
  controllers: [EmployersController],
  providers: [EmployersService],
  exports: [EmployersService],
})
export class EmployersModule {}
