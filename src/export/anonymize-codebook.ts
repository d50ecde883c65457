/** codebook.md: every file and column of the export, with its type, meaning and anonymisation. */
import type { DataSource } from './anonymize';
import { MIN_CELL_SIZE } from './anonymize-k';
import type { ExportTable } from './anonymize-tables';
import type { ExportOptions } from './messages';

const escapeCell = (text: string) => text.replaceAll('|', '\\|');

function tableSection(table: ExportTable): string {
  const header = '| column | type | meaning | anonymisation |\n| --- | --- | --- | --- |';
  const lines = table.columns.map(
    (column) =>
      `| \`${column.name}\` | ${column.type} | ${escapeCell(column.meaning)} | ${escapeCell(column.anonymisation)} |`,
  );
  return `## ${table.name}.csv / ${table.name}.jsonl\n\n${table.description} ${table.total} ${table.total === 1 ? 'row' : 'rows'}.\n\n${header}\n${lines.join('\n')}\n`;
}

export function writeCodebook(
  tables: ExportTable[],
  options: ExportOptions,
  source: DataSource,
  /** The columns that describe a comment: its kind for k-anonymity. */
  kindColumns: readonly string[],
): string {
  const k = MIN_CELL_SIZE;
  const finest = options.granularity === 'hour' ? 'the UTC hour' : 'the day';
  const text =
    options.text === 'redacted'
      ? 'Comment text is included, redacted on the device: @handles, every author name and handle seen in the history (each part of a handle too: `jean_dupont` redacts Jean and Dupont), the CM’s own handles, brand and page names become `[HANDLE]` or `[NAME]`; e-mail addresses, written out or spelled (“jean dot dupont at laposte dot net”, “(at)”, “arobase”), `[EMAIL]`; phone numbers, in the digits of any script and with a slash after the area code too (“079/123 45 67”), `[PHONE]`; URLs and bare domains (any name under a suffix of the public suffix list), defanged or spelled too (“shop[.]fr”, “shop dot com”, “shop . fr”), `[URL]`; order, ticket and account numbers and car plates (“AB 123 CD”, “AB12 CDE”) `[NUMBER]`; postal addresses, with or without a number (“rue des Lilas”, “Elm Road”), and postcodes (“75 011 Paris”, “SW1A 1AA”, “H2X 1Y4”) `[ADDRESS]`. The text is read without invisible characters (zero-width spaces, soft hyphens) and after Unicode compatibility folding (NFKC: 𝐌𝐚𝐫𝐭𝐢𝐧 and Ｍａｒｔｉｎ are Martin); names are matched without case or accents, and letters that look like Latin ones are read as them (Unicode’s confusables, UTS #39: Cyrillic Мartin; small capitals ᴍᴀʀᴛɪɴ). Parts of names shorter than 3 letters are redacted only inside the full name they belong to or right next to another part of it, never on their own (a two-letter first name is redacted next to its surname, not wherever those two letters appear). Redaction errs on the side of removing too much, but it replaces only the names the history holds (authors, handles, the CM’s brands and pages): **a name it never saw stays** — a third person named in a comment, the CM’s own signature in a reply, a name written in a script without spaces between words (Chinese, Japanese) or with digits for letters. The CM was warned of this and read the texts before consenting; read them as possibly naming someone.'
      : 'Comment text is not included.';

  const finerValues = options.finerValues
    ? `The CM chose **finer values**: scores and intensity to 1 decimal, cue kinds, language, reply, \`uncertain\` and views. They make each comment's kind rarer, so far more rows are dated to the week or the month, or suppressed, than with the default label and intensity band: on a month of 3,000 varied comments, most rows are too rare to publish with them.`
    : "By default a comment is described by its label and a band of intensity (low, medium, high: the level Desaffect showed the CM), not by the classifier's scores, exact intensity or cues: on 2,920 public comments, 97.9 % of rows were unique on those values, enough to match rows back to comments without any text. Finer values leave only when the CM chooses them.";
  const versions = [
    `\`manifest.json\` → \`exporter\` names the program that wrote these files; \`data\` the one that recorded and classified the rows (${source.kind === 'backup-file' ? 'read from the backup file' : 'the CM’s own extension database'}).`,
    'A `null` version there means the data does not record it (or records something that is no version: only values of the forms versions have are written): rows do not carry the version that classified them, so a history kept across updates may mix classifier versions.',
  ].join(' ');
  return `# Desaffect research export — codebook

## Files

Files are UTF-8 without byte-order mark, comma-separated with a header row and RFC 4180 quoting (CRLF line
ends), no index column; each CSV has a JSON Lines twin holding the same rows (empty CSV cell = \`null\`).
Booleans are \`true\`/\`false\`, days are \`YYYY-MM-DD\` (the CM's local calendar day), times are ISO 8601 in UTC.

**Spreadsheet formula guard (CSV only).** A free-text cell (\`comments_seen.text\`, \`checkins.note\`) whose
value starts with \`=\`, \`+\`, \`-\`, \`@\`, a tab or a carriage return (or their full-width forms \`＝＋－＠\`),
possibly after apostrophes, is written with one extra leading apostrophe \`'\` and quoted, so a spreadsheet
shows it as text instead of running it as a formula. The JSON Lines files hold the exact text. To get the
exact text from the CSV, remove one leading \`'\` from those columns when what follows matches
\`^'*[=+\\-@\\t\\r＝＋－＠]\`. pandas, R and DuckDB read the files as they are; no other column is touched.

## Anonymisation

- **No code links the rows of one commenter or of one thread.** A code would single them out: the hours of
  a commenter's rows, read together, match one person's comments on the public pages (on a synthetic month of
  3,000 comments by 400 commenters, exported with hours, 151 of the 295 commenter codes fitted one
  commenter only), and the hours and labels of a thread's rows match one public post. Instead each comment says, as
  a band, how many comments of this export its commenter wrote (\`commenter_comments\`) and how many its
  thread holds (\`thread_comments\`): repeat commenters and long threads can still be studied. The bands
  are part of the comment's kind (below), and so never single a comment out either.
- Comment ids, permalinks, thread keys, the CM's handles, page and brand names never leave the device; the
  account is described by the category the CM chose (see \`manifest.json\`).
- Times are coarsened to ${finest} at most${options.granularity === 'hour' ? '' : ': no time of day is exported'}, and further for rare combinations (below).
- ${text}
- Classifier cues keep their kind only (\`insult\`, \`shouting\`…), never the words they quoted.
- Every column that is not free text holds a value from a closed list (platform, label, intensity band, language, tactic,
  trigger, tags, cue kinds, precision) or a date or number checked for range; anything else — e.g. from an
  edited backup file — is left empty, becomes \`other\` (tactic, cue kind) or is left out (tags).
- Evidence records are never exported. Check-in notes are left out unless the CM included a note explicitly,
  and included notes are redacted like comment text.
- The CM saw every row before export, page by page, and could leave out days or rows; \`manifest.json\` says
  how many, not which. The files hold exactly the rows previewed: rows recorded after the preview are not
  in this export, and the download is refused if previewed rows changed in between.

## Rare combinations (k = ${k})

A row's time together with its kind can point at a person: one threat on a Facebook page on a given day can
be found on the public page, and anyone holding the public thread and the classifier named in
\`manifest.json\` can compute what a row says about its comment. So **no published combination of time and
kind is shared by the rows of fewer than ${k} people**, in the row-level tables as well as in the aggregates.
People, not rows: five comments of one commenter in an hour would point at that commenter as surely as one;
rows about no commenter (the CM's own comments and check-ins) count one each.

- Kinds: for \`comments_seen\`, every published column that describes the comment (${kindColumns.map((name) => `\`${name}\``).join(', ')}); for
  \`actions\`, platform × label; for \`checkins\`, only check-ins asked after a threat (\`trigger\` =
  \`threat\`).
- ${finerValues}
- Each row is dated to the finest period of ${finest}${options.granularity === 'hour' ? ', the day' : ''}, the ISO week (Monday) and the calendar
  month at which rows of at least ${k} people, of its kind, are dated to that same period at that same
  precision. Rows dated to a week are never "the rest of a day" that could be subtracted: a week group
  counts only rows that no day group could hold, and still holds rows of at least ${k} people. \`time_precision\` says which;
  \`period_start\` gives the period; \`day\`${options.granularity === 'hour' ? ' and the hour columns are' : ' is'} empty when coarser.
- Rows are ordered (and \`comment_no\` numbered) by published period, coarser rows first, then in a random
  order drawn with a secret of this export (never written), so a row's position dates it no more finely
  than its period.
- An action (or a correction) is never dated more precisely than its comment, and leaves only with it: the
  actions of a comment the CM left out, or of one too rare to publish, are left out too.
- Comments and actions still too few at the month are **suppressed** (left out); \`manifest.json\` →
  \`suppressedAsRare\` counts them. Check-ins asked after a threat that are that rare are kept without any time
  (\`time_precision\` = \`none\`): they are the CM's own answers.
- \`daily_summary\` counts the published rows of \`comments_seen\` (own comments left out) per day, or per week
  or month for the rows dated so: each count is a sum of groups of at least ${k}, and says nothing the rows do
  not.
- Not covered: \`active_time\` (the CM's own minutes per day, about no commenter), the redacted text (see
  above) and the tactic of an action: k-anonymity here protects the link between a time and what a row says
  about its comment, the one that public pages and the shipped classifier make easy to exploit. It holds
  within one export: two exports of the same days, made with different rows left out, could be compared.

## Versions

${versions}

${tables.map(tableSection).join('\n')}`;
}
