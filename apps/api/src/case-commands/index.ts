export { CaseCommandsModule } from './case-commands.module';
export { ExecuteCaseCommand } from './execute-case-command';
export type { CommandContext, CommandResult } from './execute-case-command';
export { toNewEvents } from './new-events';
