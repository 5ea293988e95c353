// The sign-in page names the product and the bureau that runs it (issue #10: it showed only a lock icon).
import { Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

function Heading() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', px: 2, pb: 1 }} data-testid="login-heading">
      <Typography variant="h6" component="h1">
        {translate('gongji.app.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('gongji.app.bureau')}
      </Typography>
    </Box>
  );
}

export function GongjiLoginPage() {
  return (
    <Login>
      <Heading />
      <LoginForm />
    </Login>
  );
}
