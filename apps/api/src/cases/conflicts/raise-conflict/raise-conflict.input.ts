import { Field, InputType } from '@nestjs/graphql';
import type { ConflictSubject } from '@sot/domain';
import { ConflictSubjectEnum } from '../../../graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class RaiseConflictInput extends CaseCommandInput {
  @Field() conflictId: string;
  @Field(() => ConflictSubjectEnum) subject: ConflictSubject;
  @Field(() => [String]) between: string[];
  @Field() description: string;
}
