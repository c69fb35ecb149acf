import { newTraining } from '../../domain/training.ts';
import { NewInMunicipality } from '../../records/new-in-municipality.tsx';

/** Starting a training takes only the municipality it serves; the rest is filled after. */
export function TrainingNew() {
  return (
    <NewInMunicipality
      ns="trainings"
      type="training"
      basePath="/trainings"
      makeBody={({ districtId, municipalityId }) =>
        newTraining({ districtId, municipalityIds: [municipalityId] }, new Date())
      }
    />
  );
}
