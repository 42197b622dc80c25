import { Text } from '@mantine/core';
import { ERASED } from '@sot/domain';

/** An erased datum reads "[erased]" in the api's answers. */
export const isErased = (text: string | null | undefined): boolean => text === ERASED;

export const patientLabel = (name: string): string => (isErased(name) ? 'Patient data erased' : name);

/** The patient's name, or, once erased, that it was: said plainly, and never styled as a name. */
export const PatientName = ({ name }: { name: string }) =>
  isErased(name) ? (
    <Text span fs="italic" inherit>
      {patientLabel(name)}
    </Text>
  ) : (
    <>{name}</>
  );
