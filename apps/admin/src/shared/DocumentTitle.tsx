// The browser tab names the page open (参保人员 · 共济), not the whole console (共济 · 管理后台).
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { useLocaleState, useTranslate } from 'react-admin';

/** The page part of the tab title for a console path: the resource's name, or the dashboard's. */
export function pageOfPath(pathname: string): { resource: string } | { dashboard: true } {
  const resource = pathname.split('/').filter(Boolean)[0];
  return resource ? { resource } : { dashboard: true };
}

export function DocumentTitle() {
  const { pathname } = useLocation();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  useEffect(() => {
    const page = pageOfPath(pathname);
    const name =
      'resource' in page
        ? translate(`resources.${page.resource}.name`, { smart_count: 2, _: page.resource })
        : translate('ra.page.dashboard');
    document.title = translate('gongji.page_title', { page: name });
  }, [pathname, translate, locale]);
  return null;
}
