import { Button, CopyButton, Group, Modal, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CaseFieldsFragment } from '../../../gql/graphql';
import { refusalLetter } from '../refusal-letter';

type Request = CaseFieldsFragment['requests'][number];

/** One click to the letter reminding the provider of the patient's legal right to a copy. */
export const RefusalLetterButton = ({ c, request }: { c: CaseFieldsFragment; request: Request }) => {
  const [open, setOpen] = useState(false);
  const refused = request.records.filter((item) => item.status === 'REFUSED');
  if (refused.length === 0) {
    return null;
  }
  const letter = refusalLetter(c, request, refused, new Date());
  return (
    <>
      <Button size="xs" color="red" onClick={() => setOpen(true)}>
        Letter: the patient&apos;s right to a copy
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Letter to the provider" size="xl">
        <Textarea value={letter} readOnly autosize minRows={16} aria-label="Letter text" />
        <Group justify="flex-end" mt="md">
          <CopyButton value={letter}>
            {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy the letter'}</Button>}
          </CopyButton>
        </Group>
      </Modal>
    </>
  );
};
