import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import type { ProvinceRollout } from '../data/graphqlTypes';

const yesNo = (value: boolean) => (value ? '✓' : '—');

export function ProvinceTable({ provinces }: { provinces: readonly ProvinceRollout[] }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const listPath = createPath({ resource: 'regions', type: 'list' });
  const field = (name: string) => translate(`resources.regions.fields.${name}`);
  return (
    <Card data-testid="province-rollout-table">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('gongji.dashboard.per_province')}
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('gongji.dashboard.province')}</TableCell>
              <TableCell>{translate('gongji.dashboard.wallet_from')}</TableCell>
              <TableCell align="right">{translate('gongji.dashboard.regions_open')}</TableCell>
              <TableCell>{translate('gongji.dashboard.enumerated')}</TableCell>
              <TableCell>{field('walletFullCoverage')}</TableCell>
              <TableCell>{translate('gongji.dashboard.usage_change')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {provinces.map((row) => (
              <TableRow key={row.province.code} hover>
                <TableCell>
                  <Link
                    to={`${listPath}?filter=${encodeURIComponent(JSON.stringify({ provinceCode: row.province.code }))}`}
                  >
                    {row.province.name}
                  </Link>
                </TableCell>
                <TableCell>{row.walletFrom ?? '—'}</TableCell>
                <TableCell align="right">{row.regionsOpen}</TableCell>
                <TableCell>{yesNo(row.regionsEnumerated)}</TableCell>
                <TableCell>{yesNo(row.fullCoverage)}</TableCell>
                <TableCell>{yesNo(row.usageLocationChange)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
