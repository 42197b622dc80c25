export { CaseCommandSender } from './case-command.sender';
export { CasePayload } from './case-payload.type';
export { CaseCommandInput, CommandInput, commandData } from './command-input';
export type { MatchesCommand } from './command-input';
export { commandMutation } from './command-mutation';
export { CasePayloadResolver } from './case-payload.resolver';
