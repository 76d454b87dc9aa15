import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersModule } from '../employers/employers.module';
import { ResidentsModule } from '../residents/residents.module';
import { Internship } from './entities/internship.entity';
import { InternshipResidentData } from './internship-resident-data';
import { InternshipsController } from './internships.controller';
import { InternshipsRepository } from './internships.repository';
import { InternshipsService } from './internships.service';

/** Internships for adults (praktikpladser, 004_*) with the plan's employers. */
@Module({
  imports: [TypeOrmModule.forFeature([Internship]), ResidentsModule, EmployersModule],
  controllers: [InternshipsController],
  providers: [InternshipsService, InternshipsRepository, InternshipResidentData],
  exports: [InternshipResidentData],
})
export class InternshipsModule {}
