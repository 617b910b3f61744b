import { dniCheckCharacters, normalizeDni } from '../../shared/format/dni';
import { emptyProducer, incomeSchema, producerSchema, type ProducerValues } from './producerSchema';

const today = '2026-05-20';
const valid: ProducerValues = {
  ...emptyProducer, dni: '41234567', firstNames: ' Rosa ', lastNames: 'Quispe', gender: 'Female', birthYear: '1980',
  region: 'PE-PUN', province: 'San Román', districtCode: '211101', consentGiven: true, consentDate: '2026-05-20',
};

function errors(values: Partial<ProducerValues>): Record<string, string> {
  const result = producerSchema(today).safeParse({ ...valid, ...values });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe('the DNI check (as BuildingBlocks/Peru/Dni.cs)', () => {
  it('accepts 8 digits, and 8 digits with the right check digit or letter, with or without a hyphen', () => {
    const [digit, letter] = dniCheckCharacters('41234567');
    expect(normalizeDni('41234567')).toBe('41234567');
    expect(normalizeDni(`41234567-${digit}`)).toBe('41234567');
    expect(normalizeDni(`41234567${letter.toLowerCase()}`)).toBe('41234567');
  });

  it('refuses other lengths, letters and a wrong check character', () => {
    const [digit] = dniCheckCharacters('41234567');
    const wrong = String((Number(digit) + 1) % 10);
    expect(normalizeDni('4123456')).toBeNull();
    expect(normalizeDni('4123456a')).toBeNull();
    expect(normalizeDni('412345678901')).toBeNull();
    expect(normalizeDni(`41234567${wrong}`)).toBeNull();
  });

  it('computes the check character RENIEC prints (weights 3 2 7 6 5 4 3 2)', () => {
    // 1·3+2·2+3·7+4·6+5·5+6·4+7·3+8·2 = 138; 11 − 138 mod 11 = 5 → "1", "E"
    expect(dniCheckCharacters('12345678')).toEqual(['1', 'E']);
  });
});

describe('the producer schema', () => {
  it('turns valid values into the request the API takes', () => {
    const result = producerSchema(today).parse({ ...valid, dni: '41234567', phone: '' });
    expect(result).toEqual({
      dni: '41234567', firstNames: 'Rosa', lastNames: 'Quispe', gender: 'Female', birthYear: 1980, districtCode: '211101',
      districtCoding: 'Inei', phone: null, consentGiven: true, consentDate: '2026-05-20',
    });
  });

  it('refuses a DNI that is not 8 digits', () => {
    expect(errors({ dni: '1234567' })).toEqual({ dni: 'producers:validation.dni' });
  });

  it('requires the district (department, province and district chosen)', () => {
    expect(errors({ districtCode: '' })).toEqual({ districtCode: 'producers:validation.district' });
  });

  it('requires consent and its date, and refuses a date in the future', () => {
    expect(errors({ consentGiven: false })).toEqual({ consentGiven: 'producers:validation.consent' });
    expect(errors({ consentDate: '' })).toEqual({ consentDate: 'producers:validation.consentDate' });
    expect(errors({ consentDate: '2026-05-21' })).toEqual({ consentDate: 'producers:validation.consentDateFuture' });
  });

  it('bounds the birth year between 1920 and 15 years before today', () => {
    expect(errors({ birthYear: '1919' })).toEqual({ birthYear: 'producers:validation.birthYear' });
    expect(errors({ birthYear: '2012' })).toEqual({ birthYear: 'producers:validation.birthYear' });
    expect(errors({ birthYear: '2011' })).toEqual({});
  });

  it('requires names and the sex, and checks the phone', () => {
    expect(errors({ firstNames: '  ', lastNames: '', gender: '', phone: 'abc' })).toEqual({
      firstNames: 'producers:validation.firstNames', lastNames: 'producers:validation.lastNames',
      gender: 'producers:validation.gender', phone: 'producers:validation.phone',
    });
  });
});

describe('the income schema', () => {
  it('takes soles with a comma or a point and refuses future dates', () => {
    const schema = incomeSchema(today);
    expect(schema.parse({ kind: 'Baseline', measuredOn: today, annualNetIncomePen: '12500,50' })).toEqual({ kind: 'Baseline', measuredOn: today, annualNetIncomePen: 12500.5 });
    expect(schema.safeParse({ kind: 'FollowUp', measuredOn: '2026-05-21', annualNetIncomePen: '1' }).success).toBe(false);
    expect(schema.safeParse({ kind: 'FollowUp', measuredOn: today, annualNetIncomePen: '1.234' }).success).toBe(false);
  });
});
