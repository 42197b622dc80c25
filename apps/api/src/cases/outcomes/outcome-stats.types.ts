import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class OutcomeRates {
  @Field(() => Int) cases: number;
  @Field(() => Int) receivedOpinions: number;
  @Field(() => Int) diagnosisChanged: number;
  @Field(() => Int) treatmentChanged: number;
  @Field({ nullable: true, description: 'Share of received opinions that changed the diagnosis' })
  diagnosisChangedRate?: number;
  @Field({ nullable: true }) treatmentChangedRate?: number;
  @Field(() => Int) decidedCases: number;
  @Field({ nullable: true }) averageDaysToDecision?: number;
  @Field({ nullable: true }) conflictsPerCase?: number;
}

@ObjectType()
export class ManagerOutcomes {
  @Field() caseManagerId: string;
  @Field(() => OutcomeRates) rates: OutcomeRates;
}

@ObjectType({ description: 'Published figures to compare against' })
export class OutcomeBaseline {
  @Field() diagnosisChangedRate: number;
  @Field() treatmentChangedRate: number;
  @Field() source: string;
}

@ObjectType()
export class OutcomeStats {
  @Field(() => OutcomeRates) overall: OutcomeRates;
  @Field(() => [ManagerOutcomes]) byManager: ManagerOutcomes[];
  @Field(() => OutcomeBaseline) baseline: OutcomeBaseline;
}
