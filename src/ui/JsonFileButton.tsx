/** A button that opens a JSON file the CM picks (a backup, a list of replies); `onFile` gets its text. */
export function JsonFileButton({
  label,
  onFile,
  disabled = false,
  testId,
}: {
  label: string;
  onFile(text: string): void;
  disabled?: boolean;
  testId: string;
}) {
  const picked = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    // The same file can be picked again later.
    input.value = '';
    onFile(text);
  };
  return (
    <label class="file-button">
      {label}
      <input
        type="file"
        accept="application/json,.json"
        onChange={picked}
        disabled={disabled}
        data-testid={testId}
      />
    </label>
  );
}
