// A value shown exactly once (an API key, an initial payment password): the warning that it will not be shown again,
// the value itself and a copy button. The server keeps only a hash of it.
import ContentCopy from '@mui/icons-material/ContentCopy';
import { Alert, Box, IconButton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useNotify, useTranslate } from 'react-admin';

export function RevealedValue(props: {
  readonly value: string;
  readonly testId: string;
  readonly fontSize?: number;
  /** Shown between the warning and the value. */
  readonly label?: ReactNode;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <>
      <Alert severity="warning" sx={{ mb: 2 }}>
        {translate('gongji.actions.shown_once')}
      </Alert>
      {props.label}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography
          component="code"
          sx={{
            fontFamily: 'monospace',
            wordBreak: 'break-all',
            ...(props.fontSize ? { fontSize: props.fontSize } : {}),
          }}
          data-testid={props.testId}
        >
          {props.value}
        </Typography>
        <IconButton
          aria-label={translate('gongji.actions.copy')}
          title={translate('gongji.actions.copy')}
          onClick={() => {
            void globalThis.navigator?.clipboard?.writeText(props.value).then(
              () => notify('gongji.actions.copied', { type: 'info' }),
              () => undefined,
            );
          }}
        >
          <ContentCopy />
        </IconButton>
      </Box>
    </>
  );
}
