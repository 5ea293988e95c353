// Links from a region to its audit trail and to the policy in force there (issue #10).
import History from '@mui/icons-material/History';
import Policy from '@mui/icons-material/Policy';
import { Box, Button } from '@mui/material';
import { LinkBase, useRecordContext, useTranslate } from 'react-admin';
import type { RegionRecord } from '../data/graphqlTypes';
import { todayInChina } from '../data/today';

export const auditLink = (filter: Record<string, string>) =>
  `/audit-log?filter=${encodeURIComponent(JSON.stringify(filter))}`;

export const policyLink = (regionCode: string, on: string = todayInChina()) =>
  `/policy-in-force?region=${encodeURIComponent(regionCode)}&on=${on}`;

export function RegionLinks({ showAudit = true }: { showAudit?: boolean }) {
  const record = useRecordContext<RegionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', gap: 1, my: 1 }}>
      <Button
        size="small"
        component={LinkBase}
        to={policyLink(record.code)}
        startIcon={<Policy />}
        data-testid="region-policy-link"
      >
        {translate('gongji.policy.link')}
      </Button>
      {showAudit ? (
        <Button
          size="small"
          component={LinkBase}
          to={auditLink({ regionCode: record.code })}
          startIcon={<History />}
          data-testid="region-audit-link"
        >
          {translate('gongji.audit.link')}
        </Button>
      ) : null}
    </Box>
  );
}

/** 全域 is a province's status only (R-WAL-2): cities do not get the switch (the API refuses it too). */
export function ProvinceOnly({ children }: { children: React.ReactNode }) {
  const record = useRecordContext<RegionRecord>();
  return record?.level === 'PROVINCE' ? <>{children}</> : null;
}
