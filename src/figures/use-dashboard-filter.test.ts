import { describe, expect, it } from 'vitest';
import { filterFromParams, paramsOfFilter } from './use-dashboard-filter.ts';

describe('the dashboard filter in the address', () => {
  it('reads what is set and ignores what is malformed', () => {
    expect(
      filterFromParams(
        new URLSearchParams('region=r&district=d&municipality=m&from=2025-01-01&to=soon&target=1'),
      ),
    ).toEqual({
      regionId: 'r',
      districtId: 'd',
      municipalityId: 'm',
      from: '2025-01-01',
      targetOnly: true,
    });
    expect(filterFromParams(new URLSearchParams(''))).toEqual({});
  });

  it('writes a filter back the same way', () => {
    const filter = { districtId: 'd', to: '2025-12-31', targetOnly: true };
    expect(paramsOfFilter(filter).toString()).toBe('district=d&to=2025-12-31&target=1');
    expect(filterFromParams(paramsOfFilter(filter))).toEqual(filter);
  });
});
