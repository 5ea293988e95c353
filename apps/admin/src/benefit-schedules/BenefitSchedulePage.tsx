// Benefit schedules and caps (R-SET-1/2/3, R-USE-6; issue #10): the terms in force for a region and date are the
// starting point; staff edit them for chosen hospital levels and a scheme, see the split of a bill live, and save
// with `benefitScheduleSet` / `spendingCapsSet` (audited; a past date needs a reason).
import { REASON_MAX_LENGTH } from '@gongji/domain';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { runMutation } from '../data/counter/runMutation';
import { effectivePolicy } from '../data/policy/policyClient';
import { BENEFIT_SCHEDULE_SET_MUTATION, SPENDING_CAPS_SET_MUTATION } from '../data/policy/policyDocuments';
import { todayInChina } from '../data/today';
import { RegionSearchField } from '../policy/RegionSearchField';
import { ScheduleCalculator } from './ScheduleCalculator';
import { saveErrorsOf } from '../shared/moneyInput';
import type { EffectivePolicyView } from '../data/policy/policyTypes';
import {
  CATEGORIES,
  type CapsForm,
  LEVELS,
  type ScheduleForm,
  adoptLoaded,
  capsMoneyErrors,
  formFromPolicy,
  placeScheduleErrors,
  scheduleFieldPaths,
  scheduleFormErrors,
  toBenefitScheduleSetInput,
} from './scheduleForm';

/** Everything the officer types into the figures of the page (the schedule and the caps). */
interface Figures {
  readonly form: ScheduleForm;
  readonly caps: CapsForm;
}

const figuresOf = (policy: EffectivePolicyView): Figures => ({
  form: formFromPolicy(policy),
  caps: {
    perInstitutionPerDay: policy.spendingCaps.perInstitutionPerDay ?? '',
    perDayAcrossInstitutions: policy.spendingCaps.perDayAcrossInstitutions ?? '',
    perYear: policy.spendingCaps.perYear ?? '',
  },
});

const small = { size: 'small' as const, sx: { width: 150 } };

export function BenefitSchedulePage() {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [regionCode, setRegionCode] = useState<string>('110000');
  const [effectiveFrom, setEffectiveFrom] = useState(todayInChina());
  const [scheme, setScheme] = useState<'EMPLOYEE' | 'RESIDENT'>('EMPLOYEE');
  const [levels, setLevels] = useState<string[]>([...LEVELS]);
  const [reason, setReason] = useState('');
  const [form, setForm] = useState<ScheduleForm | null>(null);
  const [caps, setCaps] = useState<CapsForm>({
    perInstitutionPerDay: '',
    perDayAcrossInstitutions: '',
    perYear: '',
  });
  // Each section's outcome under its own save button; errors by input path, shown on their fields.
  const [outcome, setOutcome] = useState<{ kind: 'schedule' | 'caps'; ok: boolean; text: string } | null>(
    null,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [capsErrors, setCapsErrors] = useState<Record<string, string>>({});
  // The figures as last loaded (edits are what differs from them), and figures in force for a newly chosen region or
  // date that were NOT loaded because the officer had typed something (loaded only when they choose to).
  const [baseline, setBaseline] = useState<Figures | null>(null);
  const [pending, setPending] = useState<Figures | null>(null);
  const latest = useRef({ form, caps, baseline });
  latest.current = { form, caps, baseline };

  const { data: policy } = useQuery({
    queryKey: ['effectivePolicy', regionCode, effectiveFrom],
    queryFn: () => effectivePolicy(regionCode, effectiveFrom),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom),
  });
  const load = (figures: Figures) => {
    setForm(figures.form);
    setCaps(figures.caps);
    setBaseline(figures);
    setPending(null);
    setErrors({});
    setCapsErrors({});
    latest.current = { ...figures, baseline: figures };
  };
  // A new region or date loads the figures in force only while the form is pristine: typed figures are never
  // silently replaced (the officer may load the new ones from the notice instead).
  useEffect(() => {
    if (!policy) return;
    const { form: current, caps: currentCaps, baseline: base } = latest.current;
    const next = adoptLoaded<Figures>(
      { current: current ? { form: current, caps: currentCaps } : null, baseline: base },
      figuresOf(policy),
    );
    if (next.pending) {
      setBaseline(next.baseline);
      setPending(next.pending);
    } else load(next.current);
  }, [policy]);

  const save = async (kind: 'schedule' | 'caps') => {
    setOutcome(null);
    // Amounts are checked on their fields first: nothing is sent while one is wrong.
    const invalid = kind === 'schedule' ? (form ? scheduleFormErrors(form) : {}) : capsMoneyErrors(caps);
    (kind === 'schedule' ? setErrors : setCapsErrors)(invalid);
    if (Object.keys(invalid).length > 0) {
      setOutcome({ kind, ok: false, text: translate('gongji.schedules.fix_fields') });
      return;
    }
    try {
      if (kind === 'schedule' && form) {
        await runMutation(
          BENEFIT_SCHEDULE_SET_MUTATION,
          'benefitScheduleSet',
          toBenefitScheduleSetInput(form, { regionCode, effectiveFrom, scheme, levels, reason }),
        );
      } else {
        await runMutation(SPENDING_CAPS_SET_MUTATION, 'spendingCapsSet', {
          regionCode,
          effectiveFrom,
          perInstitutionPerDay: caps.perInstitutionPerDay.trim() || null,
          perDayAcrossInstitutions: caps.perDayAcrossInstitutions.trim() || null,
          perYear: caps.perYear.trim() || null,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        });
      }
      // Saved: the form is pristine again, so the schedule now in force is reloaded into it.
      if (form) {
        const saved = { form, caps };
        setBaseline(saved);
        latest.current = { ...saved, baseline: saved };
      }
      await queryClient.invalidateQueries({ queryKey: ['effectivePolicy'] });
      setOutcome({ kind, ok: true, text: translate('gongji.schedules.saved') });
    } catch (e) {
      // Each refusal on the field it names (the server adds the hospital level to the path); the reason field is
      // shared by both saves.
      const paths = form ? scheduleFieldPaths(form) : ['reason', 'effectiveFrom'];
      const failed =
        kind === 'schedule'
          ? placeScheduleErrors(saveErrorsOf(e), paths, form ?? undefined)
          : placeScheduleErrors(saveErrorsOf(e), [...Object.keys(caps), 'reason', 'effectiveFrom']);
      if (kind === 'schedule') setErrors(failed.fields);
      else {
        const { reason: reasonError, effectiveFrom: dateError, ...capsFields } = failed.fields;
        setCapsErrors(capsFields);
        setErrors((current) => ({
          ...current,
          ...(reasonError ? { reason: reasonError } : {}),
          ...(dateError ? { effectiveFrom: dateError } : {}),
        }));
      }
      const text = failed.root ?? translate('gongji.schedules.fix_fields');
      setOutcome({ kind, ok: false, text: translate(text, { _: text }) });
    }
  };

  /** A field's error (a key or a server text) in words, or its usual hint. */
  const shown = (error: string | undefined, hint?: string) => ({
    error: Boolean(error),
    helperText: error ? translate(error, { _: error }) : hint,
  });
  const clear = (path: string) =>
    setErrors((e) => {
      if (!(path in e)) return e;
      const { [path]: _gone, ...rest } = e;
      return rest;
    });
  const outcomeOf = (kind: 'schedule' | 'caps') =>
    outcome && outcome.kind === kind ? (
      <Alert severity={outcome.ok ? 'success' : 'error'} sx={{ mt: 2 }} data-testid={`${kind}-outcome`}>
        {outcome.text}
      </Alert>
    ) : null;

  const edit = (patch: Partial<ScheduleForm>) => setForm((f) => (f ? { ...f, ...patch } : f));
  return (
    <Box sx={{ p: 2 }} data-testid="benefit-schedules">
      <Title title={translate('gongji.schedules.title')} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <RegionSearchField value={regionCode} onChange={(code) => code && setRegionCode(code)} />
        <TextField
          type="date"
          label={translate('resources.kinship-scopes.fields.effectiveFrom')}
          value={effectiveFrom}
          onChange={(e) => {
            clear('effectiveFrom');
            if (e.target.value) setEffectiveFrom(e.target.value);
          }}
          {...shown(errors.effectiveFrom)}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'schedule-effective-from' },
          }}
          sx={{ width: 200 }}
        />
        <TextField
          select
          label={translate('gongji.schedules.scheme')}
          value={scheme}
          onChange={(e) => setScheme(e.target.value as 'EMPLOYEE' | 'RESIDENT')}
          sx={{ width: 200 }}
        >
          <MenuItem value="EMPLOYEE">{translate('gongji.schedules.scheme_EMPLOYEE')}</MenuItem>
          <MenuItem value="RESIDENT">{translate('gongji.schedules.scheme_RESIDENT')}</MenuItem>
        </TextField>
      </Box>
      <Box sx={{ my: 1 }}>
        {LEVELS.map((l) => (
          <FormControlLabel
            key={l}
            label={translate(`gongji.institution_levels.${l}`)}
            control={
              <Checkbox
                checked={levels.includes(l)}
                onChange={(e) =>
                  setLevels((ls) => (e.target.checked ? [...ls, l] : ls.filter((x) => x !== l)))
                }
              />
            }
          />
        ))}
      </Box>
      {pending ? (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          data-testid="schedule-kept-edits"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => load(pending)}
              data-testid="schedule-load-in-force"
            >
              {translate('gongji.schedules.load_in_force', { date: effectiveFrom })}
            </Button>
          }
        >
          {translate('gongji.schedules.kept_edits', { date: effectiveFrom })}
        </Alert>
      ) : null}
      {form ? (
        <Box sx={{ display: 'flex', gap: 3, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Box sx={{ flex: '1 1 560px' }}>
            <Typography variant="subtitle1">{translate('gongji.policy.outpatient')}</Typography>
            {CATEGORIES.map((c) => (
              <Box key={c} sx={{ display: 'flex', gap: 2, alignItems: 'center', my: 1 }}>
                <Typography sx={{ width: 160 }}>{translate(`gongji.schedules.category_${c}`)}</Typography>
                <TextField
                  label={translate('gongji.schedules.deductible')}
                  value={form.outpatient[c].deductible}
                  {...shown(errors[`outpatient.${c}.deductible`])}
                  slotProps={{ htmlInput: { 'data-testid': `deductible-${c}` } }}
                  onChange={(e) => {
                    clear(`outpatient.${c}.deductible`);
                    edit({
                      outpatient: {
                        ...form.outpatient,
                        [c]: { ...form.outpatient[c], deductible: e.target.value },
                      },
                    });
                  }}
                  {...small}
                />
                <TextField
                  label={translate('gongji.schedules.fund_rate')}
                  value={form.outpatient[c].fundRate}
                  {...shown(errors[`outpatient.${c}.fundRate`])}
                  onChange={(e) => {
                    clear(`outpatient.${c}.fundRate`);
                    edit({
                      outpatient: {
                        ...form.outpatient,
                        [c]: { ...form.outpatient[c], fundRate: e.target.value },
                      },
                    });
                  }}
                  slotProps={{ htmlInput: { 'data-testid': `rate-${c}` } }}
                  {...small}
                />
              </Box>
            ))}
            <TextField
              label={translate('gongji.policy.annual_cap')}
              {...shown(errors['outpatient.annualFundCap'], translate('gongji.schedules.empty_none'))}
              value={form.annualFundCap}
              onChange={(e) => {
                clear('outpatient.annualFundCap');
                edit({ annualFundCap: e.target.value });
              }}
              {...small}
            />
            <Typography variant="subtitle1" sx={{ mt: 2 }}>
              {translate('gongji.policy.inpatient')}
            </Typography>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', my: 1 }}>
              <TextField
                label={translate('gongji.policy.first_deductible')}
                value={form.firstAdmissionDeductible}
                {...shown(errors['inpatient.firstAdmissionDeductible'])}
                onChange={(e) => {
                  clear('inpatient.firstAdmissionDeductible');
                  edit({ firstAdmissionDeductible: e.target.value });
                }}
                {...small}
              />
              <TextField
                label={translate('gongji.policy.later_deductible')}
                value={form.laterAdmissionDeductible}
                {...shown(errors['inpatient.laterAdmissionDeductible'])}
                onChange={(e) => {
                  clear('inpatient.laterAdmissionDeductible');
                  edit({ laterAdmissionDeductible: e.target.value });
                }}
                {...small}
              />
              <TextField
                label={translate('gongji.schedules.retiree_factor')}
                value={form.retireePersonalShareFactor}
                {...shown(errors['inpatient.retireePersonalShareFactor'])}
                onChange={(e) => {
                  clear('inpatient.retireePersonalShareFactor');
                  edit({ retireePersonalShareFactor: e.target.value });
                }}
                {...small}
              />
              <TextField
                label={translate('gongji.policy.annual_max')}
                {...shown(errors['inpatient.annualFundMax'], translate('gongji.schedules.empty_none'))}
                value={form.annualFundMax}
                onChange={(e) => {
                  clear('inpatient.annualFundMax');
                  edit({ annualFundMax: e.target.value });
                }}
                {...small}
              />
            </Box>
            {form.bands.map((b, i) => (
              <Box key={i} sx={{ display: 'flex', gap: 2, alignItems: 'center', my: 1 }}>
                <Typography sx={{ width: 160 }}>
                  {translate('gongji.schedules.band', { n: i + 1 })}
                </Typography>
                <TextField
                  label={translate('gongji.schedules.up_to')}
                  {...shown(
                    errors[`inpatient.bands.${i}.upTo`],
                    i === form.bands.length - 1 ? translate('gongji.schedules.empty_above') : undefined,
                  )}
                  value={b.upTo}
                  onChange={(e) => {
                    clear(`inpatient.bands.${i}.upTo`);
                    edit({ bands: form.bands.map((x, j) => (j === i ? { ...x, upTo: e.target.value } : x)) });
                  }}
                  {...small}
                />
                <TextField
                  label={translate('gongji.schedules.fund_rate')}
                  value={b.fundRate}
                  {...shown(errors[`inpatient.bands.${i}.fundRate`])}
                  onChange={(e) => {
                    clear(`inpatient.bands.${i}.fundRate`);
                    edit({
                      bands: form.bands.map((x, j) => (j === i ? { ...x, fundRate: e.target.value } : x)),
                    });
                  }}
                  {...small}
                />
              </Box>
            ))}
            <TextField
              label={translate('gongji.policy.pharmacy_rate')}
              value={form.pharmacyFundRate}
              {...shown(errors.pharmacyFundRate)}
              onChange={(e) => {
                clear('pharmacyFundRate');
                edit({ pharmacyFundRate: e.target.value });
              }}
              sx={{ width: 240, mt: 1 }}
              size="small"
            />
            <TextField
              label={translate('resources.kinship-scopes.fields.reason')}
              {...shown(errors.reason, translate('gongji.schedules.reason_hint'))}
              value={reason}
              onChange={(e) => {
                clear('reason');
                setReason(e.target.value);
              }}
              slotProps={{ htmlInput: { 'data-testid': 'schedule-reason', maxLength: REASON_MAX_LENGTH } }}
              fullWidth
              multiline
              sx={{ mt: 2 }}
            />
            <Button
              variant="contained"
              sx={{ mt: 2 }}
              onClick={() => save('schedule')}
              data-testid="schedule-save"
            >
              {translate('gongji.schedules.save_schedule')}
            </Button>
            {outcomeOf('schedule')}
            <Typography variant="subtitle1" sx={{ mt: 3 }}>
              {translate('gongji.schedules.caps')}
            </Typography>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', my: 1 }}>
              {(['perInstitutionPerDay', 'perDayAcrossInstitutions', 'perYear'] as const).map((k) => (
                <TextField
                  key={k}
                  label={translate(`gongji.schedules.cap_${k}`)}
                  {...shown(capsErrors[k], translate('gongji.schedules.empty_none'))}
                  value={caps[k]}
                  onChange={(e) => {
                    setCapsErrors(({ [k]: _gone, ...rest }) => rest);
                    setCaps((c) => ({ ...c, [k]: e.target.value }));
                  }}
                  size="small"
                  sx={{ width: 200 }}
                />
              ))}
            </Box>
            <Button variant="outlined" onClick={() => save('caps')} data-testid="caps-save">
              {translate('gongji.schedules.save_caps')}
            </Button>
            {outcomeOf('caps')}
          </Box>
          <ScheduleCalculator form={form} />
        </Box>
      ) : null}
    </Box>
  );
}
