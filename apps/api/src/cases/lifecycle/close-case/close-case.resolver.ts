import { commandMutation } from '../../mutations';
import { CloseCaseInput } from './close-case.input';

export const CloseCaseResolver = commandMutation({
  command: 'CloseCase',
  input: CloseCaseInput,
});
