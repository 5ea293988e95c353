import { Card, CardContent, CardHeader } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** One titled card of the person page. */
export function Section(props: {
  readonly title: string;
  readonly testId: string;
  readonly action?: ReactNode;
  readonly children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    // minWidth 0: a card never grows past its grid column (a long text or table scrolls inside it instead).
    <Card variant="outlined" data-testid={props.testId} sx={{ minWidth: 0, maxWidth: '100%' }}>
      <CardHeader
        title={translate(props.title)}
        action={props.action}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
      />
      <CardContent
        // Headers and dates on one line (no "备案渠\n道"); a narrow window scrolls the table, not the page. Long
        // texts (explanations) set their own `white-space: normal` and wrap within their column.
        sx={{ pt: 0, overflowX: 'auto', '& th, & td': { whiteSpace: 'nowrap' } }}
      >
        {props.children}
      </CardContent>
    </Card>
  );
}

/** A label/value pair. */
export function Item(props: {
  readonly label: string;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  const translate = useTranslate();
  return (
    <div style={{ display: 'flex', gap: 12, padding: '4px 0' }} data-testid={props.testId}>
      <span style={{ minWidth: 140, color: 'rgba(0,0,0,0.6)' }}>{translate(props.label)}</span>
      <span>{props.children}</span>
    </div>
  );
}
