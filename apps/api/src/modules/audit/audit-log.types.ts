import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../common/connection';
import { DateScalar, DateTimeScalar } from '../../common/scalars';

@InputType({ description: 'Narrows the audit log; every part is optional and they combine with AND.' })
export class AuditLogFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Entity type, e.g. Region, PolicySetting, RegionBatch, Person.',
  })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Entity id, e.g. a region code or a setting id.' })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the actor’s name.' })
  actorName?: string | null;

  @Field(() => String, { nullable: true, description: 'Mutation name, e.g. regionUpdate, kinshipScopeSet.' })
  action?: string | null;

  @Field(() => [String], { nullable: true, description: 'Any of these mutation names.' })
  actions?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Region code in a policy setting (rows of kinshipScopeSet, benefitScheduleSet … for that region).',
  })
  regionCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'From this day (Beijing time), inclusive.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Up to this day (Beijing time), inclusive.' })
  to?: string | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => AuditLogFilter, { nullable: true, description: 'Filter.' })
  filter?: AuditLogFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size (≤ 100, default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}

@ObjectType({ description: 'One audited change: who, when, what, why, before and after.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Entry id.' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  at!: Date;

  @Field({ description: 'USER, API_CLIENT, or CLI (`npm run users`, actor cli:<OS user>).' })
  actorType!: string;

  @Field({ description: 'Name of the staff member or API client.' })
  actorName!: string;

  @Field({ description: 'Mutation that made the change.' })
  action!: string;

  @Field({ description: 'Entity type, e.g. Region, PolicySetting.' })
  entityType!: string;

  @Field({ description: 'Entity id.' })
  entityId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Changed values before, as JSON text (null on creation).',
  })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'Changed values after, as JSON text.' })
  after!: string | null;

  @Field(() => String, { nullable: true, description: 'Reason given by the staff member.' })
  reason!: string | null;
}

@ObjectType({ description: 'An edge of the audit log.' })
export class AuditEntryEdge {
  @Field({ description: 'Cursor.' })
  cursor!: string;

  @Field(() => AuditEntry, { description: 'The entry.' })
  node!: AuditEntry;
}

@ObjectType({ description: 'Audit entries, newest first, as a Relay connection.' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: 'Edges.' })
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo, { description: 'Page information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Entries matching the filter.' })
  totalCount!: number;
}
