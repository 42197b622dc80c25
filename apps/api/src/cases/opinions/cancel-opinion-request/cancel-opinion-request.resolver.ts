import { commandMutation } from '../../mutations';
import { CancelOpinionRequestInput } from './cancel-opinion-request.input';

export const CancelOpinionRequestResolver = commandMutation({
  command: 'CancelOpinionRequest',
  input: CancelOpinionRequestInput,
});
