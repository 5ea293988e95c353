import { idCheckCharacter } from '@gongji/domain';
import { zhMessages } from '../../i18n/zh';
import { enMessages } from '../../i18n/en';
import {
  birthDateWhileTyping,
  checkIdNumber,
  ID_NUMBER_PROBLEMS,
  maySharePersonalAccount,
  toPersonRegisterInput,
  toPersonUpdateInput,
} from '../personForm';

const VALID = '110105198006010381';
const withCheck = (first17: string) => first17 + idCheckCharacter(first17);
const lookup = (messages: unknown, key: string) =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

describe('the ID-number check of the registration form (R-ACC-2, GB 11643)', () => {
  it('accepts a valid number and reads its birth date', () => {
    expect(checkIdNumber(VALID, '2026-01-01')).toEqual({
      ok: true,
      idNumber: VALID,
      birthDate: '1980-06-01',
    });
    expect(checkIdNumber(' 11010520120910055x ', '2026-01-01')).toMatchObject({
      ok: true,
      birthDate: '2012-09-10',
    });
  });

  it.each([
    ['a wrong check digit', '110105198006010382', 'gongji.person_form.id_check_digit'],
    ['17 characters', '11010519800601038', 'gongji.person_form.id_format'],
    ['letters', '11010519800601038A', 'gongji.person_form.id_format'],
    ['30 February', withCheck('11010519800230038'), 'gongji.person_form.id_birth_date'],
    ['a birth date after today', withCheck('11010520300101038'), 'gongji.person_form.id_birth_date'],
    ['no such province', withCheck('99010519800601038'), 'gongji.person_form.id_province'],
  ])('refuses %s', (_what, idNumber, problem) => {
    expect(checkIdNumber(idNumber, '2026-01-01')).toEqual({ ok: false, problem });
  });

  it('shows the birth date as soon as its 14 characters are typed', () => {
    expect(birthDateWhileTyping('1101051980')).toBeNull();
    expect(birthDateWhileTyping('11010519800601')).toBe('1980-06-01');
  });

  it('says every problem in Chinese and in English', () => {
    for (const key of Object.values(ID_NUMBER_PROBLEMS)) {
      expect(lookup(zhMessages, key)).toMatch(/身份证号/);
      expect(lookup(enMessages, key)).toMatch(/ID number/);
    }
  });
});

describe('form values → personRegister / personUpdate inputs', () => {
  it('registers with the flags, a trimmed upper-case ID number and employment status only for EMPLOYEE', () => {
    const base = {
      name: ' 张三 ',
      idNumber: '11010520120910055x',
      phone: ' 13800138000 ',
      regionCode: '110105',
      realNameVerified: true,
      outOfRegionUsePermission: false,
      bankCardLinked: true,
      employmentStatus: 'IN_SERVICE',
      reason: ' 窗口新参保 ',
    };
    expect(toPersonRegisterInput({ ...base, insuranceType: 'EMPLOYEE' })).toEqual({
      name: '张三',
      idNumber: '11010520120910055X',
      phone: '13800138000',
      regionCode: '110105',
      insuranceType: 'EMPLOYEE',
      employmentStatus: 'IN_SERVICE',
      realNameVerified: true,
      outOfRegionUsePermission: false,
      bankCardLinked: true,
      reason: '窗口新参保',
    });
    const resident = toPersonRegisterInput({ ...base, insuranceType: 'RESIDENT', phone: '', reason: '' });
    expect(resident).not.toHaveProperty('employmentStatus');
    expect(resident).not.toHaveProperty('phone');
    expect(resident).not.toHaveProperty('reason');
  });

  it('a change of scheme sends the new scheme, and a status only for the employee scheme (R-ACC-1)', () => {
    const flexible = { id: 'p2', insuranceType: 'FLEXIBLE', employmentStatus: null, name: '周灵活' };
    expect(
      toPersonUpdateInput(
        'p2',
        { ...flexible, insuranceType: 'EMPLOYEE', employmentStatus: 'IN_SERVICE', reason: '新单位参保' },
        flexible,
      ),
    ).toEqual({ id: 'p2', insuranceType: 'EMPLOYEE', employmentStatus: 'IN_SERVICE', reason: '新单位参保' });
    const employee = { id: 'p3', insuranceType: 'EMPLOYEE', employmentStatus: 'IN_SERVICE', name: '王丽' };
    // The hidden status input keeps its value: not sent for a scheme without one.
    expect(
      toPersonUpdateInput(
        'p3',
        { ...employee, insuranceType: 'RESIDENT', employmentStatus: 'RETIRED', reason: '离职' },
        employee,
      ),
    ).toEqual({ id: 'p3', insuranceType: 'RESIDENT', reason: '离职' });
  });

  it('updates only what changed, with the id and the reason', () => {
    const previous = {
      id: 'p1',
      phone: '13800138000',
      realNameVerified: false,
      outOfRegionUsePermission: false,
      employmentStatus: 'IN_SERVICE',
      regionCode: '110105',
      insuranceType: 'EMPLOYEE',
      name: '张三',
    };
    expect(
      toPersonUpdateInput(
        'p1',
        { ...previous, phone: ' 13900139000 ', realNameVerified: true, bankCardLinked: null, reason: '换号' },
        previous,
      ),
    ).toEqual({ id: 'p1', phone: '13900139000', realNameVerified: true, reason: '换号' });
    expect(toPersonUpdateInput('p1', { ...previous, bankCardLinked: false }, previous)).toEqual({
      id: 'p1',
      bankCardLinked: false,
    });
    expect(toPersonUpdateInput('p1', { ...previous, employmentStatus: 'RETIRED' }, previous)).toEqual({
      id: 'p1',
      employmentStatus: 'RETIRED',
    });
    // A misspelt name is sent (trimmed) with its reason; an untouched name is not.
    expect(
      toPersonUpdateInput('p1', { ...previous, name: ' 张珊 ', reason: '核对身份证' }, previous),
    ).toEqual({
      id: 'p1',
      name: '张珊',
      reason: '核对身份证',
    });
  });

  it('never sends an employment status for a non-employee', () => {
    const previous = { id: 'p2', insuranceType: 'RESIDENT', employmentStatus: null };
    expect(toPersonUpdateInput('p2', { ...previous, employmentStatus: 'RETIRED' }, previous)).toEqual({
      id: 'p2',
    });
  });
});

describe('who may share a personal account (R-ACC-1)', () => {
  const pockets = (...kinds: string[]) => ({ pockets: kinds.map((kind) => ({ kind })) });
  it.each([
    ['EMPLOYEE', pockets('EARMARKED', 'LEGACY', 'WALLET'), true],
    ['RESIDENT', pockets('WALLET'), false],
    ['FLEXIBLE', null, false],
    ['EMPLOYEE', null, false],
  ])('%s with %j → %s', (insuranceType, account, expected) => {
    expect(maySharePersonalAccount({ insuranceType, account })).toBe(expected);
  });
});
