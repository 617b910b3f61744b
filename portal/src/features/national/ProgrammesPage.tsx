import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatMoney } from '../../shared/format/format';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { QueryView } from '../../shared/ui/States';
import { ProgrammeBadge } from './Badges';
import { ProgrammeRules } from './ProgrammeRules';
import { keys, pageOf, pageSize } from './queries';
import './national.css';

/** The national programmes, each with its rules as applicants read them and what it has committed. */
export default function ProgrammesPage() {
  const { t } = useTranslation('national');
  const [search, setSearch] = useSearchParams();
  const page = pageOf(search);
  const programmes = useQuery({
    queryKey: [...keys.programmes, 'list', page],
    queryFn: async () => orThrow(await api.GET('/api/programmes', { params: { query: { Page: page, PageSize: pageSize } } })),
  });

  return (
    <Page
      title={t('programmes.title')}
      lead={t('programmes.lead')}
      actions={
        <Link className="button" to="/nacional/programas/nuevo">
          {t('programmes.publish')}
        </Link>
      }
    >
      <QueryView query={programmes} isEmpty={(data) => data.items.length === 0} empty={t('programmes.empty')}>
        {(data) => (
          <>
            <ul className="cards plain-list" aria-label={t('programmes.title')}>
              {data.items.map((programme) => (
                <li key={programme.id} className="card">
                  <h2>
                    <Link to={`/nacional/programas/${programme.id}`}>{programme.name}</Link>
                  </h2>
                  <p>
                    <ProgrammeBadge closedAt={programme.closedAt} />
                  </p>
                  <ProgrammeRules rules={programme} level={3} />
                  <p>{t('programmes.committedOf', { committed: formatMoney(Number(programme.committedPen)), remaining: formatMoney(Number(programme.remainingPen)) })}</p>
                </li>
              ))}
            </ul>
            <Pagination page={page} pageSize={pageSize} total={Number(data.totalCount)} onPage={(next) => setSearch({ pagina: String(next) })} />
          </>
        )}
      </QueryView>
    </Page>
  );
}
