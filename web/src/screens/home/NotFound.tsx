import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { homeMessages } from './messages.ts';

/** An address the app does not know (a mistyped or outdated link): say so, and offer the way home. */
export function NotFound() {
  const m = useMessages(homeMessages);
  return (
    <main className="auth-page" data-testid="not-found">
      <Result
        status="404"
        title={m('notFoundTitle')}
        subTitle={m('notFoundText')}
        extra={
          <Link to={paths.home()}>
            <Button type="primary">{m('notFoundHome')}</Button>
          </Link>
        }
      />
    </main>
  );
}
