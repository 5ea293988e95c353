// A new API key, shown exactly once (the server keeps only an argon2id hash), with a copy button.
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import { RevealedValue } from '../shared/RevealedValue';

export function SecretDialog(props: { readonly secret: string | null; readonly onClose: () => void }) {
  const translate = useTranslate();
  return (
    <Dialog open={props.secret !== null} fullWidth maxWidth="sm" data-testid="api-key-dialog">
      <DialogTitle>{translate('gongji.api_clients.key_title')}</DialogTitle>
      <DialogContent>
        <RevealedValue value={props.secret ?? ''} testId="revealed-value" />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={props.onClose}>
          {translate('gongji.api_clients.key_saved')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
