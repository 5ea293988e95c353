// Lists on a phone (390 px): like the regions list, the table scrolls sideways inside its own box instead of the
// whole page, so the filters, 导出 and 新建 stay in the viewport. Only below the `md` breakpoint: desktop layouts
// (1366 and 1920 px wide) are left exactly as they were.
import type { SxProps, Theme } from '@mui/material';

export const responsiveListSx: SxProps<Theme> = (theme: Theme) => ({
  [theme.breakpoints.down('md')]: {
    // A flex child's min-width is its content's: without 0 a wide table widens the page itself.
    '& .RaList-main': { minWidth: 0, maxWidth: '100%' },
    '& .RaList-content': { minWidth: 0, overflowX: 'auto' },
    '& .RaDatagrid-tableWrapper, & .MuiTableContainer-root': { overflowX: 'auto' },
    '& .RaList-actions, & .RaTopToolbar-root, & .RaFilterForm-root': {
      minWidth: 0,
      maxWidth: '100%',
      whiteSpace: 'normal',
    },
  },
  // The toolbar (filters, 导出, 新建) wraps within the viewport instead of running off its right edge. Not on a phone:
  // there react-admin stacks it as a column (column-reverse), and wrapping a column put 导出 in a second column
  // beside the filters, off screen (the browser test at 390 px).
  [theme.breakpoints.between('sm', 'md')]: {
    '& .RaList-actions, & .RaTopToolbar-root, & .RaFilterForm-root': { flexWrap: 'wrap' },
  },
  [theme.breakpoints.down('sm')]: {
    // react-admin floats 新建 at the bottom right on phones: room below the pager so it never covers it.
    pb: 14,
  },
});
