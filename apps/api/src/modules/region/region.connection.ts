import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { Region } from './region.type';

@ObjectType('RegionConnection', {
  simpleResolvers: true,
  description: 'A page of regions (Relay connection).',
})
export class RegionConnection extends ConnectionType(Region, 'Region') {}
