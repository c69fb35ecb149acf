import { newHearing } from '../../domain/hearing.ts';
import { NewInMunicipality } from '../../ui/new-in-municipality.tsx';

/** Starting a hearing takes only the municipality: the date and start time are now. */
export function HearingNew() {
  return (
    <NewInMunicipality
      ns="hearings"
      type="hearing"
      basePath="/hearings"
      makeBody={(place) => newHearing(place, new Date())}
    />
  );
}
