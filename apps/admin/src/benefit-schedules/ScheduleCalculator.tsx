// Live calculator (issue #10): enter a bill, see the fund's share and the personal share under the terms being
// edited — computed by libs/domain `fundShare`, the function the server's settlement uses.
import { Alert, Box, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { todayInChina } from '../data/today';
import {
  CATEGORIES,
  type CalculatorBill,
  type Category,
  type ScheduleForm,
  billMoneyErrors,
  calculate,
  scheduleMoneyErrors,
} from './scheduleForm';

export function ScheduleCalculator({ form }: { form: ScheduleForm }) {
  const translate = useTranslate();
  const [bill, setBill] = useState<CalculatorBill>({
    visitType: 'OUTPATIENT',
    category: 'inService',
    covered: '2000.00',
    outOfCatalogue: '0',
    coveredEarlier: '0',
    admissionsEarlier: 0,
    serviceDate: todayInChina(),
  });
  const set = (patch: Partial<CalculatorBill>) => setBill((b) => ({ ...b, ...patch }));
  // The panel complains about its own amounts only; a wrong amount in the schedule is shown on that field.
  const own = billMoneyErrors(bill);
  const billValid = Object.keys(own).length === 0;
  const scheduleValid = Object.keys(scheduleMoneyErrors(form)).length === 0;
  let result: ReturnType<typeof calculate> | null = null;
  if (billValid && scheduleValid) {
    try {
      result = calculate(form, bill);
    } catch {
      result = null;
    }
  }
  const field = { size: 'small' as const, fullWidth: true, sx: { mb: 1.5 } };
  const ownError = (key: string) => (own[key] ? { error: true, helperText: translate(own[key]) } : {});
  return (
    <Card
      variant="outlined"
      sx={{ width: 340, flexShrink: 0, position: 'sticky', top: 80 }}
      data-testid="calculator"
    >
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('gongji.schedules.calculator')}
        </Typography>
        <TextField
          select
          label={translate('gongji.schedules.visit_type')}
          value={bill.visitType}
          onChange={(e) => set({ visitType: e.target.value as CalculatorBill['visitType'] })}
          {...field}
        >
          {(['OUTPATIENT', 'INPATIENT', 'PHARMACY'] as const).map((v) => (
            <MenuItem key={v} value={v}>
              {translate(`gongji.schedules.visit_${v}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={translate('gongji.schedules.patient')}
          value={bill.category}
          onChange={(e) => set({ category: e.target.value as Category })}
          {...field}
        >
          {CATEGORIES.map((c) => (
            <MenuItem key={c} value={c}>
              {translate(`gongji.schedules.category_${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={translate('gongji.schedules.covered')}
          value={bill.covered}
          onChange={(e) => set({ covered: e.target.value })}
          {...ownError('covered')}
          slotProps={{ htmlInput: { 'data-testid': 'calc-covered' } }}
          {...field}
        />
        <TextField
          label={translate('gongji.schedules.out_of_catalogue')}
          value={bill.outOfCatalogue}
          onChange={(e) => set({ outOfCatalogue: e.target.value })}
          {...ownError('outOfCatalogue')}
          {...field}
        />
        {bill.visitType === 'OUTPATIENT' ? (
          <TextField
            label={translate('gongji.schedules.covered_earlier')}
            value={bill.coveredEarlier}
            onChange={(e) => set({ coveredEarlier: e.target.value })}
            {...ownError('coveredEarlier')}
            {...field}
          />
        ) : null}
        {bill.visitType === 'INPATIENT' ? (
          <TextField
            type="number"
            label={translate('gongji.schedules.admissions_earlier')}
            value={bill.admissionsEarlier}
            onChange={(e) => set({ admissionsEarlier: Math.max(0, Number(e.target.value) || 0) })}
            {...field}
          />
        ) : null}
        {result ? (
          <Box data-testid="calc-result">
            <Typography variant="body2">
              {translate('gongji.schedules.total')}：{result.total}
            </Typography>
            <Typography variant="h6" color="primary">
              {translate('gongji.schedules.fund')}：<span data-testid="calc-fund">{result.fund}</span>
            </Typography>
            <Typography variant="h6">
              {translate('gongji.schedules.personal')}：
              <span data-testid="calc-personal">{result.personal}</span>
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {translate('gongji.schedules.rules', { rules: result.rules.join('、') })}
            </Typography>
          </Box>
        ) : (
          <Alert severity={billValid ? 'info' : 'warning'} data-testid="calc-notice">
            {translate(billValid ? 'gongji.schedules.fix_schedule_first' : 'gongji.schedules.check_figures')}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
