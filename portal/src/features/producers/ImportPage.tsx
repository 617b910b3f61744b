import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemError, inLanguage, toProblem } from '../../shared/api/problem';
import { formatInteger, formatPercent } from '../../shared/format/format';
import { DataTable } from '../../shared/ui/DataTable';
import { Field, SelectField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Alert, useErrorMessage } from '../../shared/ui/States';
import { producerKeys, type ImportReport } from './api';
import { reportOf, templateColumns, templateHref, uploadImport, type ImportMode, type UbigeoCodes, type UploadAnswer } from './upload';
import './producers.css';

const maxFileBytes = 50 * 1024 * 1024;
const modes = ['valid-only', 'all-or-nothing'] as const satisfies readonly ImportMode[];
const codings = ['auto', 'inei', 'reniec'] as const satisfies readonly UbigeoCodes[];

interface ReportRow {
  key: string;
  line: number;
  field: string;
  message: string;
}

type Outcome = { report: ImportReport; status: number } | { failure: string[] };

/**
 * Import producers from CSV or Excel: the file is first checked without writing anything (a dry run) and the rows
 * that would be refused are listed with their reasons; then the user imports it for real, only the valid rows or
 * all or nothing.
 */
export default function ImportPage() {
  const { t, i18n } = useTranslation(['producers', 'common']);
  const queries = useQueryClient();
  const message = useErrorMessage();
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [mode, setMode] = useState<ImportMode>('valid-only');
  const [coding, setCoding] = useState<UbigeoCodes>('auto');
  const [progress, setProgress] = useState<number>();
  const [checked, setChecked] = useState<Outcome>();
  const [imported, setImported] = useState<Outcome>();

  function reset() {
    setChecked(undefined);
    setImported(undefined);
  }

  function outcome(answer: UploadAnswer): Outcome {
    const report = reportOf(answer);
    if (report) return { report, status: answer.status };
    const problem = toProblem(answer.status, answer.body);
    const fileErrors = problem.errors?.file;
    if (fileErrors?.length) return { failure: fileErrors.map((text) => inLanguage(text, i18n.language)) };
    return { failure: [message(new ProblemError(problem))] };
  }

  async function send(dryRun: boolean) {
    if (!file) return;
    setProgress(0);
    try {
      const answer = await uploadImport(file, { mode, dryRun, ubigeoCodes: coding }, setProgress);
      const result = outcome(answer);
      if (dryRun) setChecked(result);
      else {
        setImported(result);
        if ('report' in result && result.report.committed) await queries.invalidateQueries({ queryKey: producerKeys.all });
      }
    } catch {
      (dryRun ? setChecked : setImported)({ failure: [t('import.networkError')] });
    } finally {
      setProgress(undefined);
    }
  }

  function check(event: FormEvent) {
    event.preventDefault();
    reset();
    if (!file) return setFileError(t('import.fileRequired'));
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setFileError(t('import.fileType'));
    if (file.size > maxFileBytes) return setFileError(t('import.fileTooLarge'));
    void send(true);
  }

  const busy = progress !== undefined;
  const dryRun = checked && 'report' in checked ? checked.report : undefined;
  const importable = dryRun && Number(dryRun.validRows) > 0 && !(mode === 'all-or-nothing' && Number(dryRun.invalidRows) > 0);

  return (
    <Page title={t('import.title')} lead={t('import.lead')}>
      <section className="card" aria-labelledby="import-template">
        <h2 id="import-template">{t('import.templateTitle')}</h2>
        <p>{t('import.templateText', { columns: templateColumns.join(', ') })}</p>
        <p>
          <a className="button secondary small" href={templateHref} download="plantilla-productores.csv">
            {t('import.template')}
          </a>
        </p>
      </section>
      <form className="stack" onSubmit={check} noValidate aria-labelledby="import-file-title">
        <h2 id="import-file-title">{t('import.fileTitle')}</h2>
        <Field label={t('import.file')} hint={t('import.fileHint')} error={fileError} required>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              required
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                setFileError(undefined);
                reset();
              }}
            />
          )}
        </Field>
        <fieldset className="field checkbox-group">
          <legend>{t('import.mode')}</legend>
          <div className="checkbox-options">
            {modes.map((option) => (
              <label key={option} className="checkbox">
                <input type="radio" name="import-mode" value={option} checked={mode === option} onChange={() => { setMode(option); reset(); }} />
                {t(`import.modes.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField label={t('import.coding')} hint={t('import.codingHint')} value={coding} onChange={(event) => { setCoding(event.target.value as UbigeoCodes); reset(); }}>
          {codings.map((option) => (
            <option key={option} value={option}>
              {t(`import.codings.${option}`)}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t('import.check')}
          </button>
          <Link className="button secondary" to="/productores">
            {t('common:action.cancel')}
          </Link>
        </div>
      </form>
      {busy && <UploadProgress share={progress} />}
      {checked && <OutcomeView outcome={checked} mode={mode} title={t('import.checkTitle')} />}
      {dryRun && !imported && (
        <div className="card">
          {importable ? (
            <p>{t('import.ready', { count: Number(dryRun.validRows), rows: formatInteger(Number(dryRun.validRows)) })}</p>
          ) : (
            <p>{Number(dryRun.validRows) === 0 ? t('import.nothingValid') : t('import.blocked')}</p>
          )}
          <button type="button" className="button" disabled={!importable || busy} onClick={() => void send(false)}>
            {t('import.run')}
          </button>
        </div>
      )}
      {imported && <OutcomeView outcome={imported} mode={mode} title={t('import.resultTitle')} />}
    </Page>
  );
}

function UploadProgress({ share }: { share: number }) {
  const { t } = useTranslation('producers');
  const labelId = useId();
  return (
    <div className="card" role="status">
      <p id={labelId}>{share < 1 ? t('import.uploading', { percent: formatPercent(share) }) : t('import.processing')}</p>
      <progress className="upload-progress" aria-labelledby={labelId} max={1} value={share} />
    </div>
  );
}

function OutcomeView({ outcome, mode, title }: { outcome: Outcome; mode: ImportMode; title: string }) {
  const { t, i18n } = useTranslation(['producers', 'common']);
  const headingId = useId();
  if ('failure' in outcome) {
    return (
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId}>{title}</h2>
        <Alert>
          <ul>
            {outcome.failure.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </Alert>
      </section>
    );
  }
  const { report, status } = outcome;
  const rows: ReportRow[] = report.errors.flatMap((error) =>
    error.reasons.map((reason, index) => ({
      key: `${error.line}-${index}`,
      line: Number(error.line),
      field: reason.field,
      message: inLanguage(reason.message, i18n.language),
    })),
  );
  const rowStatus = mode === 'valid-only' ? (report.dryRun ? t('import.status.willSkip') : t('import.status.skipped')) : t('import.status.invalid');
  const kind = status === 422 ? 'error' : report.dryRun ? 'info' : report.committed ? 'success' : 'info';

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <Alert kind={kind}>{inLanguage(report.message, i18n.language)}</Alert>
      <dl className="details">
        <dt>{t('import.totalRows')}</dt>
        <dd>{formatInteger(Number(report.totalRows))}</dd>
        <dt>{t('import.validRows')}</dt>
        <dd>{formatInteger(Number(report.validRows))}</dd>
        <dt>{t('import.invalidRows')}</dt>
        <dd>{formatInteger(Number(report.invalidRows))}</dd>
        {!report.dryRun && (
          <>
            <dt>{t('import.inserted')}</dt>
            <dd>{formatInteger(Number(report.inserted))}</dd>
          </>
        )}
      </dl>
      {report.warnings.length > 0 && (
        <ul>
          {report.warnings.map((warning) => (
            <li key={warning}>{inLanguage(warning, i18n.language)}</li>
          ))}
        </ul>
      )}
      {rows.length > 0 && (
        <DataTable<ReportRow>
          caption={t('import.caption')}
          rows={rows}
          rowKey={(row) => row.key}
          columns={[
            { key: 'line', header: t('import.line'), rowHeader: true, numeric: true, cell: (row) => formatInteger(row.line) },
            { key: 'status', header: t('common:field.status'), cell: () => rowStatus },
            { key: 'field', header: t('import.field'), cell: (row) => t(`importField.${row.field}`, { defaultValue: row.field }) },
            { key: 'message', header: t('import.message'), cell: (row) => row.message },
          ]}
        />
      )}
      {report.committed && (
        <p>
          <Link to="/productores">{t('import.seeList')}</Link>
        </p>
      )}
    </section>
  );
}
