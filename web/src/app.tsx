import { lazy, Suspense, useEffect } from 'react';
import { Header } from './components/header';
import { Loading } from './components/states';
import { NotFoundPage } from './pages/not-found-page';
import { ProfilePage } from './pages/profile-page';
import { matchRoute, useLocation } from './router';

// The profile page ships in the entry chunk (it is what most visitors open); the other pages load
// on demand, which keeps the profile route's JavaScript small.
const SearchPage = lazy(() => import('./pages/search-page'));
const SkillsPage = lazy(() => import('./pages/skills-page'));

const titles = { search: 'Talent search', skills: 'Skill directory', profile: 'Profile', 'not-found': 'Page not found' } as const;

export function App() {
  const location = useLocation();
  const route = matchRoute(location.pathname);

  useEffect(() => {
    if (route.page !== 'profile') document.title = `${titles[route.page]} · profilegraph`;
  }, [route.page]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading label="Loading page" />}>
          {route.page === 'search' && <SearchPage params={location.searchParams} />}
          {route.page === 'skills' && <SkillsPage params={location.searchParams} />}
          {route.page === 'profile' && <ProfilePage key={route.handle.toLowerCase()} handle={route.handle} />}
          {route.page === 'not-found' && <NotFoundPage />}
        </Suspense>
      </main>
    </>
  );
}
