// A dialog's request refused because the session ended (401): said in the console's language — 登录已过期，请重新登录,
// never the server's "身份验证失败…检查 API 密钥" (API keys mean nothing to a clerk) — with a 重新登录 button that
// signs out and comes back to this page after signing in.
import Login from '@mui/icons-material/Login';
import { Alert, Button } from '@mui/material';
import { useLogout, useTranslate } from 'react-admin';
import { isUnauthenticated } from '../data/graphqlErrors';

export { isUnauthenticated };

export function SessionExpiredAlert(props: { readonly testId?: string }) {
  const translate = useTranslate();
  const logout = useLogout();
  return (
    <Alert
      severity="error"
      sx={{ mt: 2 }}
      data-testid={props.testId ?? 'session-expired'}
      action={
        <Button
          color="inherit"
          size="small"
          startIcon={<Login />}
          // Back to this page once signed in again (react-admin remembers the location).
          onClick={() => void logout({}, undefined, true)}
          data-testid="relogin-button"
        >
          {translate('gongji.errors.relogin')}
        </Button>
      }
    >
      {translate('gongji.errors.unauthenticated')}
    </Alert>
  );
}
