import { Field, InputType } from '@nestjs/graphql';
import type { ConflictResolution } from '@sot/domain';
import { ConflictResolutionEnum } from '../../../graphql';
import { CaseCommandInput } from '../../mutations';

@InputType()
export class ResolveConflictInput extends CaseCommandInput {
  @Field() conflictId: string;
  @Field(() => ConflictResolutionEnum) resolution: ConflictResolution;
  @Field({ nullable: true }) furtherOpinionRequestId?: string;
  @Field() outcome: string;
}
