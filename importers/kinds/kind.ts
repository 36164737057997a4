import type { RecordKind } from '../mapping.ts';
import type { ListTypeVocabulary } from '../../model/listTypes.ts';
import type { RatioUnit } from '../../model/values.ts';
import type { RowContext } from './rowContext.ts';

/** Runs one named .cypher file inside the batch's transaction. */
export type RunQuery = (name: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

export interface ConvertEnv {
  /** Label of the data source, part of unverified firm keys. */
  source: string;
  /** Secret for person keys. */
  secret: string;
  /** How bare ratios of this file's ratio column read: decided once per column. */
  ratioUnit: Exclude<RatioUnit, 'ambiguous'>;
  /**
   * On whose word ratioUnit is 'percent': the column's own values or the file's other ratio
   * columns (shareholders.ts decideRatioConvention); absent, the column's.
   */
  ratioConvention?: 'column' | 'file' | 'none';
  /** The list-type vocabulary of the run, read once (importers/listTypes.ts); absent, the shipped seed. */
  listTypes?: ListTypeVocabulary;
}

export type Stamped<R> = R & { prov: string };

/**
 * One record kind: how a row becomes a record, and how a batch of records is written.
 * A batch is written in one transaction, so a batch is all there or not there at all.
 */
export interface KindHandler<R = unknown> {
  kind: RecordKind;
  /** Fields whose column decides the ratio unit of the file. */
  ratioField?: string;
  convert(row: RowContext, env: ConvertEnv): R | null;
  write(run: RunQuery, batch: Stamped<R>[]): Promise<void>;
}
