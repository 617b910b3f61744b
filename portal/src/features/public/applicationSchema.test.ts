import { applicationSchema, suggestSlug } from './applicationSchema';
import { rucProblem } from '../../shared/format/ruc';

const valid = {
  institutionName: 'Gobierno Regional de Puno', kind: 'Public', ruc: '20406325815', regions: ['PE-PUN'], slug: 'gore-puno',
  adminFullName: 'Rosa Quispe', adminEmail: 'rosa@regionpuno.gob.pe', adminPassword: 'Segura-2026!', confirmPassword: 'Segura-2026!',
};

function issuesOf(values: object): Record<string, string> {
  const result = applicationSchema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe('the RUC check digit', () => {
  it('accepts RUCs whose check digit is (11 − Σ dᵢ·wᵢ mod 11) mod 10', () => {
    // 20100070970 has remainder 1, where the rule gives 0 and the common "11 − r, else r" variant a 10 that fits no digit.
    for (const ruc of ['20131312955', '20406325815', '20100070970']) expect(rucProblem(ruc)).toBeNull();
  });

  it('names what is wrong: length, prefix or check digit', () => {
    expect(rucProblem('2013131295')).toBe('length');
    expect(rucProblem('3013131295a')).toBe('length');
    expect(rucProblem('30131312955')).toBe('prefix');
    expect(rucProblem('20131312956')).toBe('checkDigit');
  });
});

describe('the application form', () => {
  it('passes a complete application', () => {
    expect(issuesOf(valid)).toEqual({});
  });

  it('gives each field its own translated message', () => {
    expect(issuesOf({ ...valid, ruc: '20131312956' })).toEqual({ ruc: 'public:apply.ruc.checkDigit' });
    expect(issuesOf({ ...valid, regions: [] })).toEqual({ regions: 'validation.regionsRequired' });
    expect(issuesOf({ ...valid, adminEmail: 'rosa@' })).toEqual({ adminEmail: 'validation.email' });
    expect(issuesOf({ ...valid, slug: '-puno' })).toEqual({ slug: 'public:apply.slugRule' });
    expect(issuesOf({ ...valid, confirmPassword: 'otra-cosa-2026' })).toEqual({ confirmPassword: 'validation.passwordsDiffer' });
    expect(issuesOf({ ...valid, kind: '' })).toEqual({ kind: 'validation.required' });
  });

  it('suggests a slug without accents, spaces or symbols', () => {
    expect(suggestSlug('Cooperativa Agraria Cañihua Ñuñoa (Puno)')).toBe('cooperativa-agraria-canihua-nunoa-puno');
  });
});
