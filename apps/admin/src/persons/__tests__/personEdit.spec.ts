import { canReadPolicyHistory } from '../../access/roles';
import { editNameError, editPhoneError } from '../personForm';

describe('the person edit form refuses what personUpdate would ignore', () => {
  it('a cleared name', () => {
    expect(editNameError('')).toBe('gongji.person_form.name_required');
    expect(editNameError('  ')).toBe('gongji.person_form.name_required');
    expect(editNameError(null)).toBe('gongji.person_form.name_required');
    expect(editNameError('王建国')).toBeUndefined();
  });

  it('a cleared phone that was set (it can only be replaced)', () => {
    expect(editPhoneError('', '13800138000')).toBe('gongji.person_form.phone_not_removable');
    expect(editPhoneError(null, '13800138000')).toBe('gongji.person_form.phone_not_removable');
    expect(editPhoneError('13900139000', '13800138000')).toBeUndefined();
    expect(editPhoneError('', null)).toBeUndefined();
  });
});

describe('the policy version timeline', () => {
  it('is read by ADMIN and ANALYST, not COUNTER (FORBIDDEN)', () => {
    expect(canReadPolicyHistory('ADMIN')).toBe(true);
    expect(canReadPolicyHistory('ANALYST')).toBe(true);
    expect(canReadPolicyHistory('COUNTER')).toBe(false);
  });
});
