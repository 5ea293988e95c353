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
        gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' },
        alignItems: 'start',
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
  return (
    <Show
      title={<PersonTitle />}
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
