import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { common } from '../text/common';

export function NotFoundPage() {
  return (
    <>
      <PageHeading>{common.notFoundHeading}</PageHeading>
      <p>{common.notFoundBody}</p>
      <p>
        <Link to="/">{common.toFrontPage}</Link>
      </p>
    </>
  );
}
