// The page shown for a URL the signed-in role may not open (typed or bookmarked): "无权访问", never "未发现" and never
// a form with an active 保存 button the server would refuse.
import Lock from '@mui/icons-material/Lock';
import { Box, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { Loading, Title, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../data/graphqlTypes';
import { mayOpen } from './roles';

export function AccessDenied() {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 6, textAlign: 'center' }} data-testid="access-denied">
      <Title title={translate('ra.page.access_denied')} />
      <Lock sx={{ fontSize: 64, color: 'text.disabled' }} />
      <Typography variant="h5" component="h1" sx={{ mt: 2 }}>
        {translate('ra.page.access_denied')}
      </Typography>
      <Typography sx={{ mt: 1 }} color="text.secondary">
        {translate('gongji.access.denied_detail')}
      </Typography>
    </Box>
  );
}

/** `Component` for `roles`, the access-denied page for everyone else (decided before anything is fetched). */
export function forRoles<P extends object>(
  roles: readonly Role[],
  Component: ComponentType<P>,
): ComponentType<P> {
  function Guarded(props: P) {
    const { permissions, isPending } = usePermissions();
    if (isPending) return <Loading />;
    return mayOpen(permissions, roles) ? <Component {...props} /> : <AccessDenied />;
  }
  Guarded.displayName = `ForRoles(${Component.displayName ?? Component.name})`;
  return Guarded;
}
