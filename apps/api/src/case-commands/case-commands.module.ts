import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExecuteCaseCommandHandler } from './execute-case-command.handler';

/** The write side: every domain command goes through one handler on the CommandBus. */
@Module({
  imports: [CqrsModule],
  providers: [ExecuteCaseCommandHandler],
  exports: [CqrsModule],
})
export class CaseCommandsModule {}
