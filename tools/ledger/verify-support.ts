// What the ledger audit command needs from the libraries, in one place.
export { auditLedger, createDataSource, describeDatabase } from '@gongji/persistence';
export { formatMoney as formatFen } from '@gongji/domain';
