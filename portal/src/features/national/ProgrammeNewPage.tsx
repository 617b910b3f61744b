import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { Page } from '../../shared/ui/Page';
import { ProgrammeForm } from './ProgrammeForm';
import { emptyProgramme } from './programmeSchema';
import { keys, type ProgrammeRequest } from './queries';

/** Publishing a national programme; its page opens once published. */
export default function ProgrammeNewPage() {
  const { t } = useTranslation('national');
  const navigate = useNavigate();
  const queries = useQueryClient();
  const publish = useMutation({
    mutationFn: async (body: ProgrammeRequest) => orThrow(await api.POST('/api/programmes/national', { body })),
    onSuccess: (programme) => {
      void queries.invalidateQueries({ queryKey: keys.programmes });
      void navigate(`/nacional/programas/${programme.id}`, { state: { notice: 'published' } });
    },
  });

  return (
    <Page title={t('programmes.newTitle')} lead={t('programmes.newLead')}>
      <p>
        <Link to="/nacional/programas">{t('programmes.backToList')}</Link>
      </p>
      <ProgrammeForm
        initial={emptyProgramme}
        draftKey="national.programme.new"
        submitLabel={t('programmes.publish')}
        onSubmit={async (body) => {
          await publish.mutateAsync(body);
        }}
      />
    </Page>
  );
}
