import { useTranslation } from 'react-i18next';
import { SelectField } from '../../shared/ui/Field';
import { useDistricts, useRegions, type District } from './api';
import './producers.css';

export interface Place {
  region: string;
  province: string;
  districtCode: string;
}

interface DistrictPickerProps extends Place {
  onChange: (place: Place) => void;
  error?: string | undefined;
}

const spanish = (a: string, b: string) => a.localeCompare(b, 'es');

/** The provinces of a region's districts, in alphabetical order. */
export function provincesOf(districts: readonly District[]): string[] {
  return [...new Set(districts.map((district) => district.provinceName))].sort(spanish);
}

/**
 * Department → province → district, from Networks' places: choosing one level empties the ones below, so the district
 * sent is always one of the chosen province's. The district's error is shown on its own choice, which
 * stays focusable (an empty list until a province is chosen) so the form can take the user there.
 */
export function DistrictPicker({ region, province, districtCode, onChange, error }: DistrictPickerProps) {
  const { t } = useTranslation('producers');
  const regions = useRegions();
  const districts = useDistricts(region);
  const provinces = provincesOf(districts.data ?? []);
  const inProvince = (districts.data ?? []).filter((district) => district.provinceName === province).sort((a, b) => spanish(a.name, b.name));
  const loadFailed = regions.isError || districts.isError;

  return (
    <fieldset className="field place-picker">
      <legend>{t('field.place')}</legend>
      {loadFailed && <p className="error">{t('place.loadFailed')}</p>}
      <SelectField
        label={t('field.department')}
        required
        value={region}
        onChange={(event) => onChange({ region: event.target.value, province: '', districtCode: '' })}
      >
        <option value="">{regions.isPending ? t('place.loading') : t('place.choose')}</option>
        {(regions.data ?? []).map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('field.province')}
        required
        value={province}
        disabled={region === '' || districts.isPending}
        onChange={(event) => onChange({ region, province: event.target.value, districtCode: '' })}
      >
        <option value="">{region !== '' && districts.isPending ? t('place.loading') : t('place.choose')}</option>
        {provinces.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('field.district')}
        required
        value={districtCode}
        error={error}
        onChange={(event) => onChange({ region, province, districtCode: event.target.value })}
      >
        <option value="">{t('place.choose')}</option>
        {inProvince.map((district) => (
          <option key={district.code} value={district.code}>
            {district.name}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
