// Heavy pages are separate chunks, loaded when first opened (the initial download stays small).
import { type ComponentType, type LazyExoticComponent, Suspense } from 'react';
import { Loading } from 'react-admin';

export function lazyPage(Page: LazyExoticComponent<ComponentType>): ComponentType {
  function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  }
  return LazyPage;
}
