import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Municipality } from '../municipalities/municipality.entity.js';

export enum FhirExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(FhirExportStatus, { name: 'FhirExportStatus' });

@ObjectType('FhirExportOutput', { description: 'One NDJSON file of the export (Bulk Data layout): GET /fhir/exports/<id>/<type>.ndjson' })
export class FhirExportOutput {
  @Field()
  type!: string;

  @Field(() => Int)
  count!: number;
}

/** A municipality's FHIR export, run in the background by an API process (jobs.ts). */
@ObjectType()
@Entity()
@Index({ properties: ['municipality', 'createdAt'] })
@Index({ properties: ['status', 'createdAt'] })
export class FhirExport extends BaseEntity<'status' | 'progress' | 'total' | 'output'> {
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  /** The CITY user who started it; the export reads as that user (re-checked when it runs) */
  @Property({ type: 'uuid' })
  requestedBy!: string;

  @Field(() => FhirExportStatus)
  @Enum({ items: () => FhirExportStatus, default: FhirExportStatus.QUEUED })
  status: FhirExportStatus = FhirExportStatus.QUEUED;

  @Field(() => Int, { description: 'Rooms exported so far' })
  @Property({ default: 0 })
  progress: number = 0;

  @Field(() => Int, { description: 'Rooms to export' })
  @Property({ default: 0 })
  total: number = 0;

  @Field(() => [FhirExportOutput])
  @Property({ type: 'jsonb', default: '[]' })
  output: FhirExportOutput[] = [];

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}

/** One NDJSON file of an export: one resource per line, one file per resource type. */
@Entity()
export class FhirExportFile {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => FhirExport, { ref: true, index: true, deleteRule: 'restrict' })
  export!: Ref<FhirExport>;

  @Property({ length: 40 })
  type!: string;

  @Property({ type: 'blob', lazy: true })
  data!: Buffer;
}
