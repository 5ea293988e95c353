import {
  EmploymentStatus,
  InsuranceType,
  InstitutionKind,
  InstitutionLevel,
  KinChannel,
  KinPurpose,
  PocketKind,
  Relation,
  SystemAccount,
} from '@gongji/domain';
import { registerEnumType } from 'type-graphql';

/** The domain's enums, registered once as GraphQL enums (same names, UPPER_CASE values: API.md). */
registerEnumType(PocketKind, {
  name: 'PocketKind',
  description: 'Pockets of a personal account (R-ACC-3).',
  valuesConfig: {
    EARMARKED: {
      description: 'Book-entry account since 2022-09-01: medical uses only, no cash withdrawal (R-ACC-5).',
    },
    LEGACY: {
      description:
        'Funds allocated before 2022-09-01 to the bank passbook: withdrawable, never spent by settlement.',
    },
    WALLET: { description: '医保钱包: money received from relatives by transfer (R-WAL).' },
  },
});
registerEnumType(InsuranceType, {
  name: 'InsuranceType',
  description: 'Basic medical insurance scheme (R-ACC-1): only EMPLOYEE has a personal account.',
});
registerEnumType(EmploymentStatus, {
  name: 'EmploymentStatus',
  description: 'In service or retired (decides benefits, R-SET-1/2).',
});
registerEnumType(Relation, {
  name: 'Relation',
  description: "The beneficiary's relation to the provider (R-KIN-1).",
});
registerEnumType(KinPurpose, {
  name: 'KinPurpose',
  description: 'What mutual-aid money is used for; scope is set per purpose (R-KIN-1).',
});
registerEnumType(KinChannel, {
  name: 'KinChannel',
  description: 'Registration channel (备案渠道, R-KIN-3).',
});
registerEnumType(SystemAccount, {
  name: 'SystemAccount',
  description: 'System accounts balancing personal pockets (R-SET-6).',
});
registerEnumType(InstitutionKind, { name: 'InstitutionKind', description: 'Hospital or retail pharmacy.' });
registerEnumType(InstitutionLevel, {
  name: 'InstitutionLevel',
  description: 'Hospital level; benefits are set per level.',
});

export {
  EmploymentStatus,
  InsuranceType,
  InstitutionKind,
  InstitutionLevel,
  KinChannel,
  KinPurpose,
  PocketKind,
  Relation,
  SystemAccount,
};
