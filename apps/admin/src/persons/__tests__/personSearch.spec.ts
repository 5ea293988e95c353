import { personSearch } from '../personForm';
import { toPersonFilter } from '../../data/counter/buildPersonQuery';

const TODAY = '2026-12-02';
const VALID = '110105195203150179';

describe('personSearch (what the person search box sends)', () => {
  it('holds back an ID number while it is typed, for every role', () => {
    for (const typed of ['1', '11', '1101051952', '11010519520315017']) {
      expect(personSearch(typed, false, TODAY)).toEqual({
        kind: 'hold',
        problem: 'gongji.person_form.id_format',
      });
      expect(personSearch(typed, true, TODAY).kind).toBe('hold');
    }
  });
  it('holds back a complete number with a wrong check digit', () => {
    expect(personSearch('110105195203150178', false, TODAY)).toEqual({
      kind: 'hold',
      problem: 'gongji.person_form.id_check_digit',
    });
  });
  it('sends a complete valid number, upper-casing a final x', () => {
    expect(personSearch(` ${VALID} `, true, TODAY)).toEqual({ kind: 'idNumber', idNumber: VALID });
    expect(personSearch('11010520120910055x', false, TODAY)).toMatchObject({ kind: 'idNumber' });
  });
  it('sends a name for counter staff, never for analysts', () => {
    expect(personSearch('王建国', false, TODAY)).toEqual({ kind: 'name', name: '王建国' });
    expect(personSearch('王建国', true, TODAY).kind).toBe('hold');
    expect(personSearch('  ', true, TODAY)).toEqual({ kind: 'none' });
  });
  it('toPersonFilter still maps a valid number and a name', () => {
    expect(toPersonFilter({ q: VALID, idNumberOnly: true })).toEqual({ idNumber: VALID });
    expect(toPersonFilter({ q: '王建国' })).toEqual({ name: '王建国' });
  });
});
