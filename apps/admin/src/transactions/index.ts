import ReceiptLong from '@mui/icons-material/ReceiptLong';
import { lazy } from 'react';
import { lazyPage } from '../shared/lazyPage';
import { TransactionList } from './TransactionList';

/** The `transactions` resource: the ledger (R-SET-6) with cancellation and refund (R-USE-5). */
export const transactions = {
  list: TransactionList,
  show: lazyPage(lazy(() => import('./TransactionShow').then((m) => ({ default: m.TransactionShow })))),
  icon: ReceiptLong,
  options: { roles: ['ADMIN', 'COUNTER', 'ANALYST'] },
};
