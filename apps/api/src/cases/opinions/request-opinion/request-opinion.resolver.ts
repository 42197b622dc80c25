import { commandMutation } from '../../mutations';
import { RequestOpinionInput } from './request-opinion.input';

export const RequestOpinionResolver = commandMutation({
  command: 'RequestOpinion',
  input: RequestOpinionInput,
  description: 'Request an opinion from an expert; independence is checked',
});
