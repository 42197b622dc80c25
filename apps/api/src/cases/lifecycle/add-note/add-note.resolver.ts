import { commandMutation } from '../../mutations';
import { AddNoteInput } from './add-note.input';

export const AddNoteResolver = commandMutation({
  command: 'AddNote',
  input: AddNoteInput,
});
