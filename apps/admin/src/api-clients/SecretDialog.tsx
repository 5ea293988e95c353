// A new API key, shown exactly once (the server keeps only an argon2id hash), with a copy button.
import ContentCopy from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Typography,
} from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

export function SecretDialog(props: { readonly secret: string | null; readonly onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <Dialog open={props.secret !== null} fullWidth maxWidth="sm" data-testid="api-key-dialog">
      <DialogTitle>{translate('gongji.api_clients.key_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('gongji.actions.shown_once')}
        </Alert>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography
            component="code"
            sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
            data-testid="revealed-value"
          >
            {props.secret}
          </Typography>
          <IconButton
            aria-label={translate('gongji.actions.copy')}
            title={translate('gongji.actions.copy')}
            onClick={() => {
              void globalThis.navigator?.clipboard?.writeText(props.secret ?? '').then(
                () => notify('gongji.actions.copied', { type: 'info' }),
                () => undefined,
              );
            }}
          >
            <ContentCopy />
          </IconButton>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={props.onClose}>
          {translate('gongji.api_clients.key_saved')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
