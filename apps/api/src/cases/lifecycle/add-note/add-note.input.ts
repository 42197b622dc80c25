import { Field, InputType } from '@nestjs/graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class AddNoteInput extends CaseCommandInput {
  @Field() noteId: string;
  @Field() text: string;
}
