/** What the last action of a section did: announced politely, or as an alert when it failed. */
export function StatusNote({
  status,
  testId,
}: {
  status: { text: string; error: boolean } | null;
  testId: string;
}) {
  if (!status) return null;
  return (
    <p role={status.error ? 'alert' : 'status'} class={status.error ? 'notice' : ''} data-testid={testId}>
      {status.text}
    </p>
  );
}
