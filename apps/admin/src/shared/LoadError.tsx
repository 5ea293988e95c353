// What a page shows when its data could not be read: the reason in the console's language (无法连接服务器… for a
// stopped API or a lost connection), never "条目不存在", an empty list or the browser's English "Failed to fetch",
// with a 重试 button. While the server is unreachable the page also asks again every few seconds on its own, so it
// recovers once the server is back without a manual reload.
import Refresh from '@mui/icons-material/Refresh';
import { Alert, Button } from '@mui/material';
import {
  Pagination,
  type PaginationProps,
  useListContext,
  useNotify,
  useShowContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { isSessionLost } from '../data/graphqlErrors';
import { isTransient, loadErrorMessage, refetchWhileUnreachable } from './loadErrors';

export { isTransient, loadErrorMessage, refetchWhileUnreachable, RETRY_UNREACHABLE_MS } from './loadErrors';

/**
 * Query options of a Show page: a record that does not exist is still "条目不存在" (and back to the list), but an
 * unreachable server is said as such, the page stays where it is, and it is asked again until it answers.
 */
export function useShowQueryOptions() {
  const notify = useNotify();
  const redirect = useRedirect();
  return {
    refetchInterval: refetchWhileUnreachable,
    onError: (error: unknown) => {
      // The page says it (ShowLoadError) and asks again: no toast every few seconds.
      if (isTransient(error)) return;
      // 401 signs out (authProvider.checkError, which says 登录已过期 itself or, signed out, nothing): not "does
      // not exist", and the login page is where the officer goes, not the list.
      if (isSessionLost(error)) return;
      const status = (error as { status?: number } | null)?.status;
      // 403 says 无权执行此操作: not "does not exist".
      if (status === 403) {
        notify((error as Error).message, { type: 'error' });
        return;
      }
      notify('ra.notification.item_doesnt_exist', { type: 'error' });
      redirect('list');
    },
  };
}

/** The reason a read failed, with a button that asks again. */
export function LoadErrorAlert(props: {
  readonly error: unknown;
  readonly onRetry?: () => void;
  readonly testId?: string;
}) {
  const translate = useTranslate();
  const message = loadErrorMessage(props.error);
  return (
    <Alert
      severity="error"
      data-testid={props.testId ?? 'load-error'}
      sx={{ m: 1 }}
      action={
        props.onRetry ? (
          <Button color="inherit" size="small" startIcon={<Refresh />} onClick={props.onRetry}>
            {translate('gongji.errors.retry')}
          </Button>
        ) : undefined
      }
    >
      {translate(message, { _: message })}
    </Alert>
  );
}

/** A list's (or a reference list's) failed read: the reason and 重试, instead of "no rows". */
export function ListLoadError() {
  const { error, refetch } = useListContext();
  if (!error) return null;
  return <LoadErrorAlert error={error} onRetry={() => void refetch()} testId="list-load-error" />;
}

/** The pager, hidden while the list's read failed (no "1-25 / 共 25 条" over an error). */
export function PaginationUnlessError(props: PaginationProps) {
  const { error } = useListContext();
  if (error) return null;
  return <Pagination {...props} />;
}

/** A Show page's failed read (its `error` element): the reason and 重试. */
export function ShowLoadError() {
  const { error, refetch } = useShowContext();
  if (!error) return null;
  return <LoadErrorAlert error={error} onRetry={() => void refetch()} testId="show-load-error" />;
}

/**
 * List `queryOptions`: an unreachable server is said once (toast) and on the page (ListLoadError), then asked again
 * every few seconds without a toast each time; other failures are notified as react-admin does.
 */
export function useListQueryOptions() {
  const notify = useNotify();
  return {
    refetchInterval: refetchWhileUnreachable,
    onError: (error: unknown) => {
      if (isTransient(error)) return;
      // A lost session is handled by authProvider.checkError (login page): no second toast.
      if (isSessionLost(error)) return;
      const message = (error as Error | null)?.message || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
  };
}
