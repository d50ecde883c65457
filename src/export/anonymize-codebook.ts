/** codebook.md: every file and column of the export, with its type, meaning and anonymisation. */
import type { ExportOptions } from '../shared/messages-export';
import { type ExportTable, MIN_CELL_SIZE } from './anonymize-tables';

const escapeCell = (text: string) => text.replaceAll('|', '\\|');

function tableSection(table: ExportTable): string {
  const header = '| column | type | meaning | anonymisation |\n| --- | --- | --- | --- |';
  const lines = table.columns.map(
    (column) =>
      `| \`${column.name}\` | ${column.type} | ${escapeCell(column.meaning)} | ${escapeCell(column.anonymisation)} |`,
  );
  return `## ${table.name}.csv / ${table.name}.jsonl\n\n${table.description} ${table.total} rows.\n\n${header}\n${lines.join('\n')}\n`;
}

export function writeCodebook(tables: ExportTable[], options: ExportOptions): string {
  const pseudonyms = options.studyKey
    ? 'Pseudonyms use a key derived from the study key the researcher gave: the same commenter has the same pseudonym in every export of this study, and a different one anywhere else.'
    : 'Pseudonyms use a random key made for this export and never written anywhere: they cannot be linked to any other export.';
  const text =
    options.text === 'redacted'
      ? 'Comment text is included, redacted on the device: @handles, every author name and handle seen in the history, the CM’s own handles, brand and page names become `[HANDLE]` or `[NAME]`; e-mail addresses `[EMAIL]`; phone numbers `[PHONE]`; URLs and bare domains `[URL]`; order, ticket and account numbers `[NUMBER]`; postal addresses `[ADDRESS]`. Redaction errs on the side of removing too much.'
      : 'Comment text is not included.';
  return `# Desaffect research export — codebook

Files are UTF-8, comma-separated with a header row and RFC 4180 quoting (CRLF line ends), no index column;
each CSV has a JSON Lines twin holding the same rows (empty CSV cell = \`null\`). Booleans are \`true\`/\`false\`,
days are \`YYYY-MM-DD\` (the CM's local calendar day), times are ISO 8601 in UTC.

## Anonymisation

- ${pseudonyms}
- Comment ids, permalinks, thread keys, the CM's handles, page and brand names never leave the device; the
  account is described by the category the CM chose (see \`manifest.json\`).
- Times are coarsened to the ${options.granularity === 'hour' ? 'hour (UTC)' : 'day: no time of day is exported'}.
- ${text}
- Classifier cues keep their kind only (\`insult\`, \`shouting\`…), never the words they quoted.
- Evidence records are never exported. Check-in notes are left out unless the CM included a note explicitly,
  and included notes are redacted like comment text.
- In aggregate tables (\`daily_summary\`), counts under ${MIN_CELL_SIZE} are merged into \`other\`, and an \`other\`
  still under ${MIN_CELL_SIZE} is left empty (suppressed).
- The CM saw every row before export and could leave out days or rows; \`manifest.json\` says how many, not which.

${tables.map(tableSection).join('\n')}`;
}
