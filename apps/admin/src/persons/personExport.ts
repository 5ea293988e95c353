// CSV of the person search: Chinese headers, labels instead of codes (what the screen shows, masked for analysts).
import { csvExporter, labelColumn, textColumn, type CsvColumn } from '../export/csvExport';

export interface PersonRow {
  readonly id: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string | null;
  readonly insuranceType: string;
  readonly employmentStatus: string | null;
  readonly regionCode: string;
  readonly region?: { readonly name: string } | null;
  readonly card?: { readonly state: string } | null;
}

export const PERSON_COLUMNS: readonly CsvColumn<PersonRow>[] = [
  textColumn('resources.persons.fields.name', 'name'),
  textColumn('resources.persons.fields.idNumber', 'idNumber'),
  textColumn('resources.persons.fields.phone', 'phone'),
  labelColumn('resources.persons.fields.insuranceType', 'insuranceType', 'gongji.insurance_types'),
  labelColumn('resources.persons.fields.employmentStatus', 'employmentStatus', 'gongji.employment'),
  textColumn('resources.persons.fields.regionCode', 'regionCode'),
  { header: 'resources.persons.fields.region', value: (r) => r.region?.name ?? '' },
  {
    header: 'resources.persons.fields.cardState',
    value: (r, t) => (r.card ? t(`gongji.card_states.${r.card.state}`, { _: r.card.state }) : ''),
  },
];

export const personExporter = csvExporter(PERSON_COLUMNS, 'gongji.export.persons_file');
