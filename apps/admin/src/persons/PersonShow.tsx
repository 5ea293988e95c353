// The person page of the counter: identity, pockets, funding sources in order, beneficiaries, wallet, card, payment
// password, attestations and transactions. Actions appear only for roles that may take them (ADMIN, COUNTER).
import { Box } from '@mui/material';
import {
  EditButton,
  ListButton,
  Loading,
  Show,
  TopToolbar,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { canDoCounterWork } from '../access/roles';
import { ShowLoadError, useShowQueryOptions } from '../shared/LoadError';
import type { PersonRecord } from './personTypes';
import { CardSection } from './sections/CardSection';
import { IdentitySection, PocketsSection, WalletSection } from './sections/PersonSummary';
import { BeneficiariesSection, FundingSourcesSection } from './sections/RelationsSections';
import { StaffSections } from './sections/StaffSections';
import { TransactionsSection } from './sections/TransactionsSection';

function PersonTitle() {
  const record = useRecordContext<PersonRecord>();
  return <span>{record ? `${record.name}（${record.idNumber}）` : ''}</span>;
}

function PersonLayout() {
  const { permissions } = usePermissions();
  const record = useRecordContext<PersonRecord>();
  // From the list, react-admin shows the list row until the page's own query answers: wait for the full person.
  if (!record?.fundingSources) return <Loading />;
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        p: 2,
        // Two columns only from 1536 px: at 1366×768 the relatives tables (order arrows, dates, revoke) need the
        // full width rather than a hidden horizontal scroll.
        // minmax(0, …): a column is never wider than the page, whatever a card holds (a long explanation once
        // grew every card to 1,904 px at 1366×768 and put 余额 and the action buttons off-screen).
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', xl: 'minmax(0, 1fr) minmax(0, 1fr)' },
        alignItems: 'start',
        '& > *': { minWidth: 0 },
      }}
    >
      <IdentitySection />
      <PocketsSection />
      <FundingSourcesSection />
      <BeneficiariesSection />
      <CardSection />
      <WalletSection />
      {canDoCounterWork(permissions) ? <StaffSections /> : null}
      <Box sx={{ gridColumn: { xl: '1 / span 2' } }}>
        <TransactionsSection />
      </Box>
    </Box>
  );
}

export function PersonShow() {
  const { permissions } = usePermissions();
  // An unreachable server is 无法连接服务器 (and asked again), never 条目不存在: a clerk must not re-register.
  const queryOptions = useShowQueryOptions();
  return (
    <Show
      title={<PersonTitle />}
      queryOptions={queryOptions}
      error={<ShowLoadError />}
      actions={
        <TopToolbar>
          <ListButton />
          {canDoCounterWork(permissions) ? (
            <EditButton label="gongji.person_form.edit" data-testid="person-edit-button" />
          ) : null}
        </TopToolbar>
      }
    >
      <PersonLayout />
    </Show>
  );
}
