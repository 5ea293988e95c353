import { type DataSource, LessThanOrEqual } from 'typeorm';
import { PublishedFigureEntity } from '../entities';

/** The latest published figure of `metric` as of `on` (an ISO date), or null. */
export function publishedFigureAsOf(
  dataSource: DataSource,
  metric: string,
  on: string,
): Promise<PublishedFigureEntity | null> {
  return dataSource.getRepository(PublishedFigureEntity).findOne({
    where: { metric, asOf: LessThanOrEqual(on) },
    order: { asOf: 'DESC' },
  });
}
