import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';

/** A temporary password, shown once: it is not stored anywhere the dashboard can show it again. */
export const TemporaryPassword = ({
  who,
  password,
  onClose,
}: {
  who: string;
  password: string;
  onClose: () => void;
}) => (
  <Modal opened onClose={onClose} title={`Temporary password for ${who}`}>
    <Stack>
      <Text size="sm">
        Give it to {who} in person or by phone, never by email. It is shown only now; their earlier sessions have ended.
      </Text>
      <Code block fz="lg" aria-label="Temporary password">
        {password}
      </Code>
      <Group justify="flex-end">
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  </Modal>
);
